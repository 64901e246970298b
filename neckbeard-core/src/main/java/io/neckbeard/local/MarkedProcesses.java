package io.neckbeard.local;

import io.neckbeard.stack.DirectProcessManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes of a local node found by the marker the {@code direct} process manager puts in
 * their environment ({@code NECKBEARD_PROCESS=<stack root>:<process>}), whatever their pid files
 * say. Read from {@code /proc} in this JVM: no process is started to look.
 */
final class MarkedProcesses {
    private MarkedProcesses() {
    }

    /** Pids of the live processes marked with {@code stackRoot}; empty where there is no {@code /proc}. */
    static List<Long> of(String stackRoot) {
        byte[] marker = ("\0" + DirectProcessManager.MARKER + "=" + stackRoot + ":").getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> marked(pid, marker)).toList();
    }

    private static boolean marked(long pid, byte[] marker) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            // a leading NUL makes the marker match at the start of a variable, the first one included
            byte[] all = new byte[environ.length + 1];
            System.arraycopy(environ, 0, all, 1, environ.length);
            return indexOf(all, marker) >= 0;
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or another user's
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

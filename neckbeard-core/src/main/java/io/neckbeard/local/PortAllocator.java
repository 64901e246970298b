package io.neckbeard.local;

import io.neckbeard.provider.ProviderException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Picks free TCP ports on 127.0.0.1 for local nodes. Allocation and the recording of the port
 * (in the new node's {@code node.json}) happen under one lock: a JVM monitor for threads and a
 * file lock on {@code .neckbeard/local/ports.lock} for other neckbeard processes, so no two
 * nodes of the project, of any environment or generation, ever share a port.
 */
final class PortAllocator {
    /** FileChannel.lock is per process: threads of one JVM are serialised by this monitor first. */
    private static final Object JVM_LOCK = new Object();
    private static final int ATTEMPTS = 50;

    private final Path lockFile;

    PortAllocator(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** Runs {@code action} holding the project's port lock. */
    <T> T locked(Supplier<T> action) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(lockFile.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return action.get();
                }
            } catch (IOException e) {
                throw new ProviderException("cannot lock " + lockFile + ": " + e.getMessage(),
                        "check that the project directory is writable", e);
            }
        }
    }

    /**
     * A port the kernel reports free now and that no recorded node holds. Call inside {@link #locked}
     * and record the port before leaving it.
     */
    int pick(Set<Integer> recorded, String node) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new ProviderException("cannot bind a TCP port on 127.0.0.1: " + e.getMessage(),
                        "check that the loopback interface is up", e);
            }
            if (!recorded.contains(port)) {
                return port;
            }
        }
        throw new ProviderException("no free TCP port on 127.0.0.1 after " + ATTEMPTS + " attempts for node " + node,
                "terminate unused local generations (neckbeard terminate ENV --old)");
    }
}

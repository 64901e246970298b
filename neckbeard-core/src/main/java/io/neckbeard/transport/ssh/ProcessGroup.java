package io.neckbeard.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * A command run in a process group of its own on the node ({@code setsid}), so that a command
 * that outlives its timeout can be killed whole from a second channel: the group's leader reports
 * its id as a line on stderr before the command starts, and this stream takes that line out of
 * the command's output.
 */
final class ProcessGroup extends OutputStream {
    private static final String MARKER = "NECKBEARD_PGID=";
    private static final Pattern REPORT = Pattern.compile(MARKER + "(\\d+)");

    private final OutputStream stderr;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile String id;

    ProcessGroup(OutputStream stderr) {
        this.stderr = stderr;
    }

    /**
     * The channel's command: {@code script} (for {@code /bin/sh}) in a new session and process group
     * when the node has {@code setsid}, as its leader after reporting the group's id. Without setsid
     * the command runs as before and a timeout only closes its channel.
     */
    static String command(String script) {
        String inner = "echo " + MARKER + "$$ >&2; " + script;
        return "/bin/sh -c " + quote("s=" + quote(inner) + "; command -v setsid >/dev/null 2>&1 && exec setsid -w /bin/sh -c \"$s\"; "
                + "exec /bin/sh -c \"$s\"");
    }

    /** The command that ends the group: TERM, then KILL what is left after 2 s; nothing when the group is gone. */
    String killCommand() {
        // "kill -SIG -PGID" without "--", which dash's kill refuses
        String group = "-" + id;
        return "/bin/sh -c " + quote("kill -TERM " + group + " 2>/dev/null || exit 0; i=0; while [ $i -lt 20 ] && kill -0 " + group
                + " 2>/dev/null; do sleep 0.1; i=$((i+1)); done; kill -KILL " + group + " 2>/dev/null; true");
    }

    /** Whether the group's id arrived: only then can it be killed. */
    boolean known() {
        return id != null;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (id != null) {
            stderr.write(b);
            return;
        }
        line.write(b);
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8).strip();
            Matcher report = REPORT.matcher(text);
            if (report.matches()) {
                id = report.group(1);
            } else {
                // a login shell's own noise before the report: the command's output as far as the caller is concerned
                line.writeTo(stderr);
            }
            line.reset();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (id != null) {
            stderr.write(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }
}

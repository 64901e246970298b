package io.neckbeard.engine;

import io.neckbeard.core.NeckbeardException;
import io.neckbeard.doctor.DoctorCheck;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * {@code doctor}'s checks of one host node, made by one command on it: it answers (over SSH with
 * a known host key, for a server), its user can write the Stack root, its disk has room, its
 * clock agrees with this machine's. The command changes nothing but a scratch file it removes.
 */
final class NodeChecks {
    /** Below either, a deploy (a slug unpacked, logs written) may fill the disk. */
    static final long MIN_FREE_BYTES = 1L << 30;
    static final int MIN_FREE_PERCENT = 10;
    /** A lock's expiry is compared across machines: clocks further apart than this make it unreliable. */
    static final long MAX_CLOCK_SKEW_SECONDS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LINE = "nb-doctor";

    private NodeChecks() {
    }

    static List<DoctorCheck> check(DeployContext context, NodeRecord record, EnvironmentState state, long generation) {
        String node = record.name();
        try {
            ActiveNodes.Reached reached = ActiveNodes.reach(context, record, state, generation);
            if (reached.problem() != null) {
                return List.of(DoctorCheck.failed("reach " + node, reached.problem(), "neckbeard status " + context.name()
                        + " shows the node; neckbeard up " + context.name() + " replaces a node whose resource is gone"));
            }
            try (Transport transport = reached.transport(context, generation)) {
                String root = reached.target().root();
                Map<String, String> found = new HashMap<>();
                Instant sent = Instant.now();
                CommandResult result = transport.run(script(root), Map.of(), TIMEOUT, line -> {
                    String[] words = line.split(" ", 3);
                    if (words.length == 3 && words[0].equals(LINE)) {
                        found.put(words[1], words[2]);
                    }
                });
                Instant answered = Instant.now();
                if (!result.succeeded() || !found.containsKey("clock")) {
                    return List.of(DoctorCheck.failed("reach " + node, "the check command failed on " + transport.describe()
                            + " (exit " + result.exitCode() + "): " + result.outputTail().strip(),
                            "the node needs a POSIX shell with df, mktemp and date"));
                }
                List<DoctorCheck> checks = new ArrayList<>();
                checks.add(DoctorCheck.passed("reach " + node, "answered on " + transport.describe()));
                checks.add(stackRoot(node, root, found));
                checks.add(disk(node, found.get("disk")));
                checks.add(clock(node, found.get("clock"), sent, answered));
                return checks;
            }
        } catch (RuntimeException e) {
            return List.of(DoctorCheck.failed("reach " + node, e.getMessage(),
                    e instanceof NeckbeardException known && known.remedy() != null ? known.remedy()
                            : "check the node's address and its ssh: settings (neckbeard show " + context.name() + " --node " + node + ")"));
        }
    }

    /**
     * Prints {@code nb-doctor writable yes|no DIR}, {@code nb-doctor user NAME},
     * {@code nb-doctor disk SIZE_KB FREE_KB} and {@code nb-doctor clock EPOCH_SECONDS}. The write
     * test is made in the Stack root, or in its nearest existing parent before the first deploy.
     */
    static String script(String root) {
        return String.join("\n",
                "R=" + quote(root) + "; d=$R",
                "while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done",
                "if t=$(mktemp \"$d/.neckbeard-doctor.XXXXXX\" 2>/dev/null) && rm -f \"$t\"; then w=yes; else w=no; fi",
                "echo \"" + LINE + " writable $w $d\"",
                "echo \"" + LINE + " user $(id -un 2>/dev/null || echo unknown)\"",
                "df -Pk \"$d\" 2>/dev/null | awk 'NR==2 {print \"" + LINE + " disk\", $2, $4}'",
                "echo \"" + LINE + " clock $(date +%s)\"");
    }

    private static DoctorCheck stackRoot(String node, String root, Map<String, String> found) {
        String[] writable = found.getOrDefault("writable", "no ?").split(" ", 2);
        String user = found.getOrDefault("user", "the SSH user");
        String dir = writable.length > 1 ? writable[1] : root;
        String where = dir.equals(root) ? root : root + " (not created yet; its parent " + dir + ")";
        if (writable[0].equals("yes")) {
            return DoctorCheck.passed("stack-root " + node, user + " can write " + where);
        }
        return DoctorCheck.failed("stack-root " + node, user + " cannot write " + where,
                "on the node: sudo mkdir -p " + quote(root) + " && sudo chown " + user + " " + quote(root)
                        + " (or set stack.root in neckbeard/config.yml to a directory " + user + " owns)");
    }

    private static DoctorCheck disk(String node, String sizes) {
        if (sizes == null) {
            return DoctorCheck.failed("disk " + node, "df gave no answer for the Stack root", "install df (coreutils) on the node");
        }
        String[] kb = sizes.split(" ");
        long size = Long.parseLong(kb[0]) * 1024;
        long free = Long.parseLong(kb[1]) * 1024;
        long percent = size == 0 ? 0 : free * 100 / size;
        String detail = gib(free) + " free of " + gib(size) + " (" + percent + "%)";
        if (free >= MIN_FREE_BYTES && percent >= MIN_FREE_PERCENT) {
            return DoctorCheck.passed("disk " + node, detail);
        }
        return DoctorCheck.failed("disk " + node, detail + ", under " + gib(MIN_FREE_BYTES) + " or " + MIN_FREE_PERCENT + "%",
                "free space on the node (old logs, releases: stack.keep_releases), or give it a larger disk");
    }

    /** The node's clock against the middle of the round trip; a second is given for its whole seconds. */
    private static DoctorCheck clock(String node, String epochSeconds, Instant sent, Instant answered) {
        long nodeMillis = Long.parseLong(epochSeconds.strip()) * 1000;
        long here = (sent.toEpochMilli() + answered.toEpochMilli()) / 2;
        long skew = Math.abs(nodeMillis + 500 - here);
        String detail = "the node's clock is " + (skew < 1000 ? "within a second of" : skew / 1000 + " s "
                + (nodeMillis + 500 > here ? "ahead of" : "behind")) + " this machine's";
        if (skew <= MAX_CLOCK_SKEW_SECONDS * 1000 + 500) {
            return DoctorCheck.passed("clock " + node, detail);
        }
        return DoctorCheck.failed("clock " + node, detail + " (more than " + MAX_CLOCK_SKEW_SECONDS
                + " s: lock expiries become unreliable)", "run time synchronisation on both (chrony or systemd-timesyncd)");
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}

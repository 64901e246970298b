package io.neckbeard.coordinator;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who runs this neckbeard process: the lock holder and the "who" of audit entries. */
public record Operator(String user, String host, long pid) {

    public static Operator current() {
        return new Operator(System.getProperty("user.name", "unknown"), localHost(), ProcessHandle.current().pid());
    }

    /** {@code user@host}, as locks name their holder. */
    public String holder() {
        return user + "@" + host;
    }

    private static String localHost() {
        String fromEnvironment = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A host without a resolvable name still needs a stable label for its locks.
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }
}

package io.neckbeard.transport;

/** What every {@link Transport} shares about the commands it runs. */
public final class Commands {
    /** How many of a command's last output lines {@link CommandResult#outputTail()} keeps. */
    public static final int TAIL_LINES = 40;

    private Commands() {
    }

    /** A command as messages name it: its first line, cut at 80 characters. */
    public static String firstLine(String command) {
        String first = command.strip().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 80) + "..." : first;
    }
}

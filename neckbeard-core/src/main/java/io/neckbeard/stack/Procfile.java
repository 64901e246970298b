package io.neckbeard.stack;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a Procfile: {@code name: command} lines; blank lines and {@code #} comments are ignored. */
public final class Procfile {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]+)\\s*:\\s*(.+)");

    private Procfile() {
    }

    /** @param source names the file in messages, e.g. the release directory */
    public static List<ProcfileEntry> parse(List<String> lines, String source) {
        List<ProcfileEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new NeckbeardException(ExitCode.USAGE, source + ":" + number + ": not a Procfile line: " + text,
                        "write each process as 'name: command', the name made of letters, digits, '-' and '_'");
            }
            if (!names.add(m.group(1))) {
                throw new NeckbeardException(ExitCode.USAGE, source + ":" + number + ": process '" + m.group(1) + "' is defined twice",
                        "give every Procfile process its own name");
            }
            entries.add(new ProcfileEntry(m.group(1), m.group(2).strip()));
        }
        if (entries.isEmpty()) {
            throw new NeckbeardException(ExitCode.USAGE, source + " defines no process",
                    "add a line such as 'web: python3 -m http.server $PORT' to the Procfile");
        }
        return entries;
    }
}

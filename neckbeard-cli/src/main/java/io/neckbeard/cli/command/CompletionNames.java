package io.neckbeard.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Teaches picocli's generated completion script the names it cannot know when it is generated:
 * environments (listed from {@code neckbeard/envs/} when completing) wherever an {@code ENV} argument
 * is taken, and node names (from {@code neckbeard __complete nodes ENV}) for {@code NODE} arguments
 * and {@code --node}. Each command's function gets its positional candidates from
 * {@code _neckbeard_names} (completion-names.bash) instead of none.
 */
final class CompletionNames {
    private static final String NO_POSITIONALS = "    local positionals=\"\"\n";
    private static final String NODE_OPTION = "    '--node')\n      return\n      ;;\n";

    private CompletionNames() {
    }

    static String addTo(String script, CommandLine root) {
        StringBuilder result = new StringBuilder(script);
        for (List<String> path : commandPaths(root, List.of(root.getCommandName()))) {
            CommandLine command = root;
            for (String name : path.subList(1, path.size())) {
                command = command.getSubcommands().get(name);
            }
            CommandSpec spec = command.getCommandSpec();
            List<String> kinds = kinds(spec);
            boolean nodeOption = spec.options().stream().anyMatch(o -> o.longestName().equals("--node")
                    && "NODE".equals(o.paramLabel()));
            if (kinds.stream().allMatch("-"::equals) && !nodeOption) {
                continue;
            }
            int depth = path.size() - 1;
            String start = "function _picocli_" + String.join("_", path) + "() {\n";
            int from = result.indexOf(start);
            int to = from < 0 ? -1 : result.indexOf("\n}\n", from);
            if (to < 0) {
                continue;
            }
            String body = result.substring(from, to)
                    .replace(NO_POSITIONALS, "    local positionals=\"$(_neckbeard_names " + depth + " " + String.join(" ", kinds) + ")\"\n");
            if (nodeOption) {
                body = body.replace(NODE_OPTION, "    '--node')\n      local IFS=$'\\n'\n"
                        + "      COMPREPLY=( $(compgen -W \"$(_neckbeard_names " + depth + " --node)\" -- \"${curr_word}\") )\n"
                        + "      return $?\n      ;;\n");
            }
            result.replace(from, to, body);
        }
        int complete = result.lastIndexOf("\ncomplete -F ");
        result.insert(complete < 0 ? result.length() : complete, helpers());
        return result.toString();
    }

    /** What each positional argument is, in order: ENV, NODE or -; a repeating last one ends in "...". */
    private static List<String> kinds(CommandSpec spec) {
        List<String> kinds = new ArrayList<>();
        for (PositionalParamSpec param : spec.positionalParameters()) {
            String label = param.paramLabel();
            String kind = label.equals("ENV") || label.equals("NODE") ? label : "-";
            kinds.add(param.index().isVariable() ? kind + "..." : kind);
        }
        return kinds;
    }

    /** Every command as the names leading to it, aliases included (picocli writes a function for each): [neckbeard, lock, status]. */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                all.add(subPath);
                all.addAll(commandPaths(sub, subPath));
            }
        });
        return all;
    }

    private static String helpers() {
        try (InputStream in = CompletionNames.class.getResourceAsStream("completion-names.bash")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read completion-names.bash from the neckbeard JAR", e);
        }
    }
}

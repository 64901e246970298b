package io.neckbeard.cli.command;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import picocli.CommandLine.Option;

/**
 * {@code --node N | --type T}: which nodes of the active generation a day-two command works on
 * (all by default). A mixin, not an exclusive group: picocli's annotation processor refuses one
 * group class shared by several commands, so the exclusion is checked here.
 */
final class NodeFilter {
    @Option(names = "--node", paramLabel = "NODE", description = "Only this node (e.g. web-1).")
    private String node;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only nodes of this type (not with --node).")
    private String type;

    String node() {
        check();
        return node;
    }

    String type() {
        check();
        return type;
    }

    private void check() {
        if (node != null && type != null) {
            throw new NeckbeardException(ExitCode.USAGE, "--node " + node + " and --type " + type + " cannot be combined",
                    "give one of them: --node picks one node, --type every node of a type");
        }
    }
}

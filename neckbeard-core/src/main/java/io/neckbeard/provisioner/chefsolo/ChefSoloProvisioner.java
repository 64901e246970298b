package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Transport;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Uploads a bundle of the cookbooks, the node's role files and {@code solo.rb} to
 * {@code <workDir>/chef/}, writes {@code node.json} (0600) beside it, and runs
 * {@code chef-solo -c solo.rb -j node.json} there.
 */
final class ChefSoloProvisioner implements Provisioner {
    private static final int TAIL_LINES = 20;
    private static final Duration CLEAN_TIMEOUT = Duration.ofMinutes(1);

    @Override
    public void provision(ProvisionRequest request, Transport transport, Consumer<String> log) {
        ChefSoloSettings settings = ChefSoloSettings.of(request.settings(), request.projectRoot());
        // Two services may share a role; chef runs it once, so the run list names it once, at its first place.
        List<String> roles = List.copyOf(new LinkedHashSet<>(request.roles()));
        String nodeName = request.node().name();
        String remote = request.workDir() + "/chef";
        byte[] nodeJson = NodeJson.of(request, roles);
        try (ChefBundle bundle = ChefBundle.build(settings, roles,
                "node " + nodeName + " (services " + String.join(", ", request.node().services()) + ")",
                remote, request.workDir() + "/chef-cache")) {
            // A fresh directory each run: cookbooks and roles removed from the project must not linger on the node.
            check(transport.run("rm -rf " + quote(remote), Map.of(), CLEAN_TIMEOUT, log), "removing the previous " + remote,
                    nodeName, transport);
            transport.upload(bundle.dir(), remote);
        }
        transport.write(remote + "/node.json", nodeJson, 0600);
        log.accept("running chef-solo with run list " + String.join(", ", roles));
        String command = "cd " + quote(remote) + " && " + settings.command()
                + " -c " + quote(remote + "/solo.rb") + " -j " + quote(remote + "/node.json")
                + (settings.logLevel() == null ? "" : " -l " + quote(settings.logLevel()));
        check(transport.run(command, Map.of(), settings.timeout(), log), "chef-solo", nodeName, transport);
    }

    private static void check(CommandResult result, String what, String nodeName, Transport transport) {
        if (!result.succeeded()) {
            throw new ProvisionerException(what + " failed (exit " + result.exitCode() + ") on node " + nodeName
                    + " (" + transport.describe() + "); its last output:\n" + tail(result.outputTail()),
                    "fix what the output above reports (a recipe, a role or a parameter), then run the command again", null);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}

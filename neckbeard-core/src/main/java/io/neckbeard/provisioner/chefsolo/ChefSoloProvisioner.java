package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.ProvisionSteps;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.transport.NodeFile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Puts a bundle of the cookbooks, the node's role files and {@code solo.rb} in
 * {@code <workDir>/chef/}, {@code node.json} (0600) beside them, and runs
 * {@code chef-solo -c solo.rb -j node.json} there.
 */
final class ChefSoloProvisioner implements Provisioner {
    private static final int TAIL_LINES = 20;

    @Override
    public ProvisionSteps steps(ProvisionRequest request) {
        ChefSoloSettings settings = ChefSoloSettings.of(request.settings(), request.projectRoot());
        // Two services may share a role; chef runs it once, so the run list names it once, at its first place.
        List<String> roles = List.copyOf(new LinkedHashSet<>(request.roles()));
        String nodeName = request.node().name();
        String remote = request.workDir() + "/chef";
        List<NodeFile> files = new ArrayList<>(ChefBundle.files(settings, roles,
                "node " + nodeName + " (services " + String.join(", ", request.node().services()) + ")",
                remote, request.workDir() + "/chef-cache"));
        files.add(NodeFile.bytes(remote + "/node.json", NodeJson.of(request, roles), 0600));
        String command = "cd " + quote(remote) + " && " + settings.command()
                + " -c " + quote(remote + "/solo.rb") + " -j " + quote(remote + "/node.json")
                + (settings.logLevel() == null ? "" : " -l " + quote(settings.logLevel()));
        return new ProvisionSteps(files, List.of(new ProvisionSteps.Command("chef-solo",
                "running chef-solo with run list " + String.join(", ", roles), command, Map.of(), settings.timeout(),
                (result, transport) -> new ProvisionerException("chef-solo failed (exit " + result.exitCode() + ") on node " + nodeName
                        + " (" + transport.describe() + "); its last output:\n" + tail(result.outputTail()),
                        "fix what the output above reports (a recipe, a role or a parameter), then run the command again", null))));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}

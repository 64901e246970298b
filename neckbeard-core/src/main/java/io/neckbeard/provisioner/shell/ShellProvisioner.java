package io.neckbeard.provisioner.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.ProvisionSteps;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.transport.NodeFile;
import io.neckbeard.transport.ShellQuote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Runs the configured {@code provisioner.scripts} on the node, in order, from the work
 * directory, with the node's resolved tree in {@code params.json} (0600) and the service peers
 * in {@code peers.json}. With no scripts it does nothing (and writes nothing to the node).
 */
final class ShellProvisioner implements Provisioner {
    @Override
    public ProvisionSteps steps(ProvisionRequest request) {
        ShellSettings settings = ShellSettings.of(request.settings(), request.projectRoot());
        if (settings.scripts().isEmpty()) {
            // a command that does nothing, for its progress line; nothing is written to the node
            return new ProvisionSteps(List.of(), List.of(new ProvisionSteps.Command("provisioning",
                    "no provisioning scripts (provisioner.scripts is empty)", ":", Map.of(), settings.timeout(), failure("provisioning"))));
        }
        String work = request.workDir();
        List<NodeFile> files = new ArrayList<>(List.of(NodeFile.bytes(work + "/params.json", json(request.params().values()), 0600),
                NodeFile.bytes(work + "/peers.json", json(request.peers()), 0644)));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NECKBEARD_PARAMS", work + "/params.json");
        env.put("NECKBEARD_PEERS", work + "/peers.json");
        env.put("NECKBEARD_APP", request.app());
        env.put("NECKBEARD_ENV", request.environment());
        env.put("NECKBEARD_NODE", request.node().name());
        env.put("NECKBEARD_GENERATION", Long.toString(request.generation()));
        env.put("NECKBEARD_ROLES", String.join(" ", request.roles()));
        List<ProvisionSteps.Command> commands = new ArrayList<>();
        for (String script : settings.scripts()) {
            Path local = request.projectRoot().resolve(script);
            String remote = work + "/scripts/" + script;
            files.add(NodeFile.copy(local, remote));
            commands.add(new ProvisionSteps.Command("provisioning script " + script, "running " + script,
                    "cd " + quote(work) + " && exec " + interpreter(local) + " " + quote(remote), env, settings.timeout(),
                    failure("provisioning script " + script)));
        }
        return new ProvisionSteps(files, commands);
    }

    private static ProvisionSteps.Failure failure(String what) {
        return (result, transport) -> new ProvisionerException(what + " failed on " + transport.describe() + " with exit "
                + result.exitCode() + ":\n" + result.outputTail(), "fix the script (or what it reports above), then run the command again", null);
    }

    /**
     * The script's interpreter from its {@code #!} line ({@code /bin/sh} without one). The script is
     * handed to its interpreter rather than executed itself: a file just written can still be
     * open for writing in a process forked meanwhile, and executing it would then fail with
     * "Text file busy".
     */
    private static String interpreter(Path script) {
        try (Stream<String> lines = Files.lines(script)) {
            String first = lines.findFirst().orElse("");
            if (first.startsWith("#!") && !first.substring(2).isBlank()) {
                return Arrays.stream(first.substring(2).trim().split("\\s+")).map(ShellQuote::quote)
                        .collect(Collectors.joining(" "));
            }
            return "/bin/sh";
        } catch (IOException | UncheckedIOException e) {
            throw new NeckbeardException(ExitCode.USAGE, "cannot read provisioning script " + script + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("node parameters are plain maps, lists and scalars", e);
        }
    }
}

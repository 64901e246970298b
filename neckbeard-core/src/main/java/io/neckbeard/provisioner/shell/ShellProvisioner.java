package io.neckbeard.provisioner.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provisioner.ProvisionRequest;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerException;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.ShellQuote;
import io.neckbeard.transport.Transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
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
    public void provision(ProvisionRequest request, Transport transport, Consumer<String> log) {
        ShellSettings settings = ShellSettings.of(request.settings(), request.projectRoot());
        if (settings.scripts().isEmpty()) {
            log.accept("no provisioning scripts (provisioner.scripts is empty)");
            return;
        }
        String work = request.workDir();
        transport.write(work + "/params.json", json(request.params().values()), 0600);
        transport.write(work + "/peers.json", json(request.peers()), 0644);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NECKBEARD_PARAMS", work + "/params.json");
        env.put("NECKBEARD_PEERS", work + "/peers.json");
        env.put("NECKBEARD_APP", request.app());
        env.put("NECKBEARD_ENV", request.environment());
        env.put("NECKBEARD_NODE", request.node().name());
        env.put("NECKBEARD_GENERATION", Long.toString(request.generation()));
        env.put("NECKBEARD_ROLES", String.join(" ", request.roles()));
        for (String script : settings.scripts()) {
            String remote = work + "/scripts/" + script;
            transport.upload(request.projectRoot().resolve(script), remote);
            log.accept("running " + script);
            CommandResult result = transport.run("cd " + quote(work) + " && exec " + interpreter(request.projectRoot().resolve(script))
                    + " " + quote(remote), env, settings.timeout(), log);
            if (!result.succeeded()) {
                throw new ProvisionerException("provisioning script " + script + " failed on " + transport.describe()
                        + " with exit " + result.exitCode() + ":\n" + result.outputTail(),
                        "fix the script (or what it reports above), then run the command again", null);
            }
        }
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

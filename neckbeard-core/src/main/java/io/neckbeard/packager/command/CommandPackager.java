package io.neckbeard.packager.command;

import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.local.LocalTransport;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerException;
import io.neckbeard.packager.Slug;
import io.neckbeard.packager.tarball.TarballPackagerFactory;
import io.neckbeard.transport.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Runs the project's own build ({@code packager.command}, in the project root) which fills
 * {@code packager.output} (default {@code build/slug}, exported as {@code SLUG_DIR}), then packs
 * that directory exactly like the tarball packager: same manifest, digest and reuse.
 */
final class CommandPackager implements Packager {
    private static final Logger LOG = LoggerFactory.getLogger(CommandPackager.class);
    static final Set<String> SETTINGS = Set.of("command", "output", "timeout");

    @Override
    public Slug build(PackageRequest request) {
        Map<String, Object> settings = request.settings();
        settings.keySet().stream().filter(k -> !SETTINGS.contains(k)).findFirst().ifPresent(k -> {
            throw usage("unknown setting 'packager." + k + "' of the command packager", "use command, output and timeout");
        });
        Object command = settings.get("command");
        if (command == null || command.toString().isBlank()) {
            throw usage("the command packager needs packager.command", "write e.g. packager: {type: command, command: ./build-slug.sh}");
        }
        Path root = request.projectRoot().toAbsolutePath().normalize();
        Path output = root.resolve(String.valueOf(settings.getOrDefault("output", "build/slug"))).normalize();
        if (!output.startsWith(root) || output.equals(root)) {
            throw usage("packager.output must be a directory inside the project, was " + settings.get("output"),
                    "use a path such as build/slug");
        }
        Duration timeout = Durations.parseOr(settings.get("timeout"), Duration.ofMinutes(30), "packager.timeout");
        CommandResult result = new LocalTransport(root, "packager command").run(command.toString(),
                Map.of("SLUG_DIR", output.toString()), timeout, line -> LOG.info("package: {}", line));
        if (!result.succeeded()) {
            throw new PackagerException(ExitCode.FAILED, "packager.command '" + command + "' failed with exit " + result.exitCode()
                    + ":\n" + result.outputTail(), "fix the build, then run the command again", null);
        }
        if (!Files.isDirectory(output)) {
            throw new PackagerException(ExitCode.FAILED, "packager.command '" + command + "' did not create " + output,
                    "make the command write the application into $SLUG_DIR (packager.output)", null);
        }
        return new TarballPackagerFactory().create()
                .build(new PackageRequest(request.app(), output, Map.of(), request.outputDir()));
    }

    private static PackagerException usage(String message, String remedy) {
        return new PackagerException(ExitCode.USAGE, message, remedy, null);
    }
}

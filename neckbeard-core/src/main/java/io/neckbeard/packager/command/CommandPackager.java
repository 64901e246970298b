package io.neckbeard.packager.command;

import io.neckbeard.core.ExitCode;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerException;
import io.neckbeard.packager.Slug;
import io.neckbeard.packager.tarball.TarballPackagerFactory;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.local.LocalTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the project's own build ({@code packager.command}, in the project root) which fills
 * {@code packager.output} (default {@code build/slug}, exported as {@code SLUG_DIR}), then packs
 * that directory exactly like the tarball packager: same manifest, digest and reuse.
 */
final class CommandPackager implements Packager {
    private static final Logger LOG = LoggerFactory.getLogger(CommandPackager.class);
    @Override
    public Slug build(PackageRequest request) {
        CommandSettings settings = CommandSettings.of(request.settings(), request.projectRoot());
        String command = settings.command();
        Path output = settings.output();
        Path root = request.projectRoot().toAbsolutePath().normalize();
        CommandResult result = new LocalTransport(root, "packager command").run(command,
                Map.of("SLUG_DIR", output.toString()), settings.timeout(), line -> LOG.info("package: {}", line));
        if (!result.succeeded()) {
            throw new PackagerException(ExitCode.FAILED, "packager.command '" + command + "' failed with exit " + result.exitCode()
                    + ":\n" + result.outputTail(), "fix the build, then run the command again", null);
        }
        if (!Files.isDirectory(output)) {
            throw new PackagerException(ExitCode.FAILED, "packager.command '" + command + "' did not create " + output,
                    "make the command write the application into $SLUG_DIR (packager.output)", null);
        }
        return new TarballPackagerFactory().create(new PackagerContext(output, request.app(), Map.of()))
                .build(new PackageRequest(request.app(), output, Map.of(), request.outputDir()));
    }
}

package io.neckbeard.engine;

import io.neckbeard.config.ConfigLoader;
import io.neckbeard.core.ExitCode;
import io.neckbeard.model.Project;
import io.neckbeard.model.TypedSettings;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.PackageResult;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerException;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.packager.Slug;
import io.neckbeard.plugin.Plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds a project's slug with its configured packager ({@code neckbeard package}). */
public final class PackageService {
    private final ConfigLoader loader;
    private final Plugins plugins;

    public PackageService(ConfigLoader loader, Plugins plugins) {
        this.loader = loader;
        this.plugins = plugins;
    }

    /** Loads the project at {@code root} and builds (or reuses) its slug under {@code .neckbeard/slugs}. */
    public PackageResult build(Path root) {
        Project project = loader.load(root, List.of());
        TypedSettings settings = project.packager();
        Packager packager = plugins.find(PackagerFactory.class, settings.type(), "packager")
                .create(new PackagerContext(project.root(), project.app(), settings.settings()));
        Path outputDir = project.root().resolve(".neckbeard").resolve("slugs");
        // Packagers reuse a slug whose digest they built before: the files present beforehand tell which happened.
        Set<Path> before = slugFiles(outputDir);
        Slug slug = packager.build(new PackageRequest(project.app(), project.root(), settings.settings(), outputDir));
        return new PackageResult(slug.file().toString(), slug.digest(), slug.id(), !before.contains(slug.file()));
    }

    private static Set<Path> slugFiles(Path outputDir) {
        if (!Files.isDirectory(outputDir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.collect(Collectors.toSet());
        } catch (IOException e) {
            throw new PackagerException(ExitCode.FAILED, "cannot list " + outputDir + ": " + e.getMessage(),
                    "check its permissions", e);
        }
    }
}

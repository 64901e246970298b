package io.neckbeard.init;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code neckbeard init}: writes a commented {@code neckbeard/config.yml} and
 * {@code envs/staging.yml}, {@code envs/production.yml} that pass {@code check}. Never overwrites.
 */
public final class ProjectScaffold {
    public static final List<String> PROVIDERS = List.of("local", "ec2");

    /** The files written, relative to the project. */
    public record Scaffolded(String app, String provider, List<String> created) {
    }

    /**
     * @param app      the app name ({@link #defaultAppName} derives one from the directory)
     * @param provider {@code local} (runs nodes on this machine) or {@code ec2}
     */
    public Scaffolded create(Path root, String app, String provider) {
        if (!PROVIDERS.contains(provider)) {
            throw new NeckbeardException(ExitCode.USAGE, "unknown provider '" + provider + "' for init",
                    "use --provider local or --provider ec2");
        }
        String name = app;
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new NeckbeardException(ExitCode.USAGE, "app name '" + name + "' is not a valid name",
                    "use lower-case letters, digits and '-', e.g. --app my-app");
        }
        Path config = root.resolve("neckbeard/config.yml");
        if (Files.exists(config)) {
            throw new NeckbeardException(ExitCode.USAGE, config + " already exists; init does not overwrite it",
                    "edit the existing configuration, or move it away to start over");
        }
        List<String> created = List.of("neckbeard/config.yml", "neckbeard/envs/staging.yml", "neckbeard/envs/production.yml");
        List<String> templates = List.of("config-" + provider + ".yml", "staging.yml", "production.yml");
        try {
            Files.createDirectories(root.resolve("neckbeard/envs"));
            for (int i = 0; i < created.size(); i++) {
                Path target = root.resolve(created.get(i));
                if (!Files.exists(target)) {
                    Files.writeString(target, template(templates.get(i)).replace("{{app}}", name));
                }
            }
        } catch (IOException e) {
            throw new NeckbeardException(ExitCode.FAILED, "cannot write the configuration under " + root + ": " + e.getMessage(),
                    "check that the directory is writable", e);
        }
        return new Scaffolded(name, provider, created);
    }

    /** The project directory's name made into a valid app name. */
    public static String defaultAppName(Path root) {
        Path dir = root.toAbsolutePath().normalize().getFileName();
        String name = (dir == null ? "app" : dir.toString()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "app" : name;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = ProjectScaffold.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.neckbeard.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code --version}: the version, git commit and build date Maven wrote into build-info.properties.
 * A value Maven could not fill (no git checkout, a build from the IDE) reads "unknown".
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    static final String RESOURCE = "build-info.properties";

    @Override
    public String[] getVersion() {
        return lines(load());
    }

    static String[] lines(Properties info) {
        String version = value(info, "version");
        String snapshot = version.endsWith("-SNAPSHOT") ? " (snapshot build, not a release)" : "";
        return new String[] {
                "neckbeard " + version + snapshot,
                "commit " + value(info, "commit"),
                "built " + value(info, "date")};
    }

    /** A property Maven filtered, or "unknown" when it is missing or still the unfiltered ${...}. */
    private static String value(Properties info, String key) {
        String value = info.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
    }

    private static Properties load() {
        Properties info = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                info.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the JAR", e);
        }
        return info;
    }
}

package io.neckbeard.plugin;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds SPI implementations: the built-in ones on the class path, plus those in JARs on the
 * plugin path ({@code ~/.neckbeard/plugins/} and {@code --plugin-path}). This class holds the
 * only {@link java.util.ServiceLoader} call site of the project.
 */
public final class Plugins {
    private final ClassLoader loader;
    private final Map<Class<?>, Map<String, ? extends Typed>> cache = new ConcurrentHashMap<>();

    private Plugins(ClassLoader loader) {
        this.loader = loader;
    }

    /** Built-in implementations only (tests, and when no plugin directory exists). */
    public static Plugins builtIn() {
        return new Plugins(Plugins.class.getClassLoader());
    }

    /** Built-ins plus every {@code *.jar} directly inside each existing directory of {@code pluginDirs}. */
    public static Plugins withPluginDirs(List<Path> pluginDirs) {
        List<URL> jars = new ArrayList<>();
        for (Path dir : pluginDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(f -> jars.add(toUrl(f)));
            } catch (IOException | UncheckedIOException e) {
                throw new NeckbeardException(ExitCode.USAGE, "cannot list plugin directory " + dir + ": " + e.getMessage(),
                        "fix its permissions, or leave it out of --plugin-path", e);
            }
        }
        if (jars.isEmpty()) {
            return builtIn();
        }
        return new Plugins(new URLClassLoader(jars.toArray(URL[]::new), Plugins.class.getClassLoader()));
    }

    /**
     * The factory of {@code spi} registered under {@code type}.
     *
     * @param what how users call this kind of thing in messages, e.g. "resource provider"
     * @throws NeckbeardException (exit 2) naming the valid types when there is none
     */
    public <F extends Typed> F find(Class<F> spi, String type, String what) {
        F factory = all(spi).get(type);
        if (factory == null) {
            throw new NeckbeardException(ExitCode.USAGE,
                    "unknown " + what + " type '" + type + "'",
                    "use one of: " + String.join(", ", all(spi).keySet())
                            + " (or put a plugin JAR in ~/.neckbeard/plugins/)");
        }
        return factory;
    }

    /** Every factory of {@code spi}, by type id, sorted. */
    @SuppressWarnings("unchecked")
    public <F extends Typed> Map<String, F> all(Class<F> spi) {
        return (Map<String, F>) cache.computeIfAbsent(spi, s -> {
            Map<String, F> byType = new TreeMap<>();
            for (F factory : java.util.ServiceLoader.load((Class<F>) s, loader)) {
                byType.putIfAbsent(factory.type(), factory);
            }
            return byType;
        });
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}

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
    private final List<Typed> registered;
    private final Map<Class<?>, Map<String, ? extends Typed>> cache = new ConcurrentHashMap<>();
    private final RunScope run = new RunScope();

    private Plugins(ClassLoader loader, List<Typed> registered) {
        this.loader = loader;
        this.registered = List.copyOf(registered);
    }

    private Plugins(ClassLoader loader) {
        this(loader, List.of());
    }

    /** Built-in implementations only (tests, and when no plugin directory exists). */
    public static Plugins builtIn() {
        return new Plugins(Plugins.class.getClassLoader());
    }

    /**
     * The built-ins plus {@code factories}, for tests: a plugin registered without building a JAR.
     * A factory of any of the six SPIs; one claiming a built-in's type is a duplicate, as from a JAR.
     */
    public static Plugins of(Typed... factories) {
        return new Plugins(Plugins.class.getClassLoader(), List.of(factories));
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

    /** What the plugins this instance creates share during the run (one {@code Plugins} per command run). */
    public RunScope run() {
        return run;
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

    /**
     * Every factory of {@code spi}, by type id, sorted.
     *
     * @throws NeckbeardException (exit 2) naming both sources when two factories claim one type:
     *         which one a configuration meant cannot be guessed
     */
    @SuppressWarnings("unchecked")
    public <F extends Typed> Map<String, F> all(Class<F> spi) {
        return (Map<String, F>) cache.computeIfAbsent(spi, s -> {
            Map<String, F> byType = new TreeMap<>();
            List<F> found = new ArrayList<>();
            java.util.ServiceLoader.load((Class<F>) s, loader).forEach(found::add);
            registered.stream().filter(s::isInstance).map(f -> (F) f).forEach(found::add);
            for (F factory : found) {
                F first = byType.putIfAbsent(factory.type(), factory);
                if (first != null) {
                    throw duplicate(s, factory.type(), first, factory);
                }
            }
            return byType;
        });
    }

    private static NeckbeardException duplicate(Class<?> spi, String type, Typed first, Typed second) {
        return new NeckbeardException(ExitCode.USAGE, "two " + spi.getSimpleName() + " plugins claim the type '" + type
                + "': " + source(first) + " and " + source(second),
                "remove one of them from ~/.neckbeard/plugins/ or --plugin-path (a plugin must not reuse a built-in's type)");
    }

    /** Where a factory comes from, for messages: its class and the JAR (neckbeard's own for a built-in) holding it. */
    private static String source(Typed factory) {
        Class<?> type = factory.getClass();
        java.security.CodeSource code = type.getProtectionDomain().getCodeSource();
        return type.getName() + " (" + (code == null || code.getLocation() == null ? "unknown location" : code.getLocation().getPath()) + ")";
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}

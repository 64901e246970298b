package io.neckbeard.aws;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Loads the test's class path itself (the platform loader as parent) and records every class
 * asked of it, so a test can tell whether some code loaded an AWS SDK class.
 */
public final class RecordingClassLoader extends URLClassLoader {
    private final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

    public RecordingClassLoader() {
        super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    /** The names of every class asked of this loader so far. */
    public List<String> loaded() {
        return List.copyOf(loaded);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        loaded.add(name);
        return super.loadClass(name, resolve);
    }

    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
            try {
                return Path.of(entry).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }
}

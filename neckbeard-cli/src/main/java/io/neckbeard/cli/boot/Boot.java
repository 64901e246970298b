package io.neckbeard.cli.boot;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The main class of the released JAR, which holds only this package, the xz decoder and the
 * application packed as one xz stream (docs/architecture.md, "The released JAR"). It finds the
 * application unpacked in the user's cache, unpacking it on the first run of a build, and runs
 * {@code io.neckbeard.cli.Neckbeard} from there in a class loader of its own: every class of the
 * application, the AWS SDK included, is loaded through it, and through the thread's context class
 * loader, which the SDK, Logback and {@link java.util.ServiceLoader} use.
 */
public final class Boot {
    private static final String APPLICATION = "io.neckbeard.cli.Neckbeard";

    private Boot() {
    }

    public static void main(String[] args) throws Throwable {
        Path jar;
        try {
            AppCache cache = AppCache.locate(System.getenv(), System.getProperty("user.home"),
                    System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
            jar = PackedApp.inThisJar().unpackedIn(cache);
        } catch (IOException e) {
            System.err.println("neckbeard: " + e.getMessage());
            System.exit(1); // ExitCode.FAILED: the application, which holds the exit codes, cannot be loaded
            return;
        }
        ClassLoader loader = new URLClassLoader("neckbeard", new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(APPLICATION, true, loader), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(args);
    }
}

package io.neckbeard.plugin;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;
import io.neckbeard.model.TypedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds a real plugin JAR at test time, as a third party would, and loads it from a plugin directory. */
class PluginJarTest {
    private static final String FACTORY = "com.example.neckbeard.AlwaysHealthyCheckFactory";

    @TempDir
    Path temp;

    @Test
    void aJarInAPluginDirectoryAddsItsHealthCheckType() throws Exception {
        Path pluginDir = Files.createDirectories(temp.resolve("plugins"));
        buildPluginJar(pluginDir.resolve("always-healthy.jar"));

        Plugins plugins = Plugins.withPluginDirs(List.of(temp.resolve("missing"), pluginDir));
        HealthCheckFactory factory = plugins.find(HealthCheckFactory.class, "always-healthy", "health check");
        HealthResult result = factory.create(new HealthCheckContext(new TypedSettings("always-healthy", Map.of("reason", "tested"), null)))
                .check(new HealthTarget("app-1", "127.0.0.1", null, null, null, null));

        assertThat(factory.getClass().getName()).isEqualTo(FACTORY);
        assertThat(result).isEqualTo(HealthResult.healthy("app-1: tested"));
        assertThat(plugins.all(HealthCheckFactory.class)).containsKeys("always-healthy", "http", "tcp", "command", "provider");
        assertThat(factory.validate(Map.of("reasn", "typo"), new ValidationContext(null, List.of())))
                .extracting(problem -> problem.path() + ": " + problem.message() + " / " + problem.fix())
                .containsExactly("reasn: unknown setting 'reasn' of the always-healthy health check / did you mean 'reason'? "
                        + "valid settings: interval, reason, timeout");
        assertThat(Plugins.builtIn().all(HealthCheckFactory.class)).doesNotContainKey("always-healthy");
    }

    @Test
    void anUnknownTypeIsAUsageErrorListingTheValidOnes() {
        assertThatThrownBy(() -> Plugins.builtIn().find(HealthCheckFactory.class, "htp", "health check"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("unknown health check type 'htp'");
                    assertThat(e.remedy()).contains("command, http, provider, tcp");
                });
    }

    /** Compiles the fixture source against the test class path and writes it with its META-INF/services entry. */
    private void buildPluginJar(Path jar) throws IOException {
        Path source = temp.resolve("src/com/example/neckbeard/AlwaysHealthyCheckFactory.java");
        Files.createDirectories(source.getParent());
        try (InputStream in = getClass().getResourceAsStream("/plugin-source/AlwaysHealthyCheckFactory.java.txt")) {
            Files.copy(in, source);
        }
        Path classes = Files.createDirectories(temp.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString());
        assertThat(status).as("javac exit status").isZero();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + HealthCheckFactory.class.getName()));
            out.write((FACTORY + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            String classFile = FACTORY.replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(classFile));
            out.write(Files.readAllBytes(classes.resolve(classFile)));
            out.closeEntry();
        }
    }
}

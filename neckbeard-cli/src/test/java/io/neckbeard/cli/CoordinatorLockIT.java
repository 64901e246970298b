package io.neckbeard.cli;

import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.coordinator.Operator;
import io.neckbeard.coordinator.localyaml.LocalYamlBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two real processes contend for an environment's lock: this test holds it, the shaded JAR asks for it. */
class CoordinatorLockIT {
    @TempDir
    Path project;

    @Test
    void theJarExitsThreeNamingTheHolderWhileThisProcessHoldsTheLock() throws Exception {
        Files.createDirectories(project.resolve("neckbeard/envs"));
        Files.writeString(project.resolve("neckbeard/config.yml"), String.join("\n",
                "app: shop",
                "node_types:",
                "  app: {resource: ec2, params: {ec2: {image_id: ami-0abc, instance_type: t3.small}}}",
                "availability_zones: {us-east-1a: {}}",
                "environments:",
                "  base: {availability_zones: [us-east-1a], nodes: {app: {count: 1}}}", ""));
        Files.writeString(project.resolve("neckbeard/envs/production.yml"), "extends: base\n");
        LocalYamlBackend backend = new LocalYamlBackend(project.resolve(".neckbeard/state"));
        Operator me = Operator.current();
        LockInfo held = backend.acquire("production", me.holder(), me.host(), me.pid(), "up", Duration.ofMinutes(5));

        Process jar = new ProcessBuilder(neckbeard("scale", "production", "app=1")).redirectOutput(project.resolve("out.txt").toFile()).redirectError(project.resolve("err.txt").toFile())
                .start();
        assertThat(jar.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(jar.exitValue()).isEqualTo(3);
        assertThat(Files.readString(project.resolve("err.txt"))).contains(me.holder()).contains("since " + held.acquiredAt());
        assertThat(backend.lock("production")).contains(held);
        backend.release(held);

        Process again = new ProcessBuilder(neckbeard("scale", "production", "app=1")).redirectErrorStream(true).redirectOutput(project.resolve("again.txt").toFile()).start();
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(project.resolve("again.txt"))).isZero();
        assertThat(backend.read("production").scale()).containsEntry("app", 1);
    }

    /**
     * The shaded JAR as a process. Plugin types the configuration names but whose real
     * implementations live in other modules come from the stand-ins of neckbeard-core's test-jar.
     */
    private List<String> neckbeard(String... args) {
        String testJar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("neckbeard-core") && entry.contains("test")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("neckbeard.jar") + File.pathSeparator + testJar, "io.neckbeard.cli.Neckbeard",
                "-C", project.toString(), "--plugin-path", StandInPlugins.directory(project.resolve("plugins")).toString()));
        command.addAll(List.of(args));
        return command;
    }
}

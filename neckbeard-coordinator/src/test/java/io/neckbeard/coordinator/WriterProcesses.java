package io.neckbeard.coordinator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@link IncrementMain} in several JVMs at once and waits for all of them to succeed. */
public final class WriterProcesses {
    private WriterProcesses() {
    }

    /**
     * @param environment extra environment variables of each process
     * @param arguments   {@link IncrementMain}'s arguments
     */
    public static void run(int writers, Path logs, Map<String, String> environment, List<String> arguments) throws Exception {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), IncrementMain.class.getName()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve("writer-" + i + ".log").toFile());
            builder.environment().putAll(environment);
            started.add(builder.start());
        }
        for (int i = 0; i < started.size(); i++) {
            Process writer = started.get(i);
            assertThat(writer.waitFor(10, TimeUnit.MINUTES)).as("writer %d finished", i).isTrue();
            Path log = logs.resolve("writer-" + i + ".log");
            assertThat(writer.exitValue()).as("writer %d's exit code; its output:%n%s", i, Files.readString(log)).isZero();
        }
    }
}

package io.neckbeard.coordinator;

import io.neckbeard.config.Project;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.state.EnvironmentState;

import java.util.List;

/**
 * The project's state store as commands use it: reads, and {@link EnvironmentSession}s that
 * hold an environment's lock, write with compare-and-set and leave one audit entry.
 */
public final class Coordinator implements AutoCloseable {
    private final CoordinatorBackend backend;

    public Coordinator(CoordinatorBackend backend) {
        this.backend = backend;
    }

    /** The backend named by the project's {@code coordinator.type} (default {@code local-yaml}). */
    public static Coordinator open(Project project, Plugins plugins) {
        throw new UnsupportedOperationException("not written yet");
    }

    public EnvironmentState read(String environment) {
        return backend.read(environment);
    }

    /**
     * Takes the environment's lock for a mutating command.
     *
     * @param arguments the command line, with secret and config-var values already masked
     * @throws LockedException (exit 3) naming the holder
     */
    public EnvironmentSession session(String environment, String command, List<String> arguments) {
        throw new UnsupportedOperationException("not written yet");
    }

    public CoordinatorBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        backend.close();
    }
}

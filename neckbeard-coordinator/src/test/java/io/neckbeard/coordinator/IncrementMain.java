package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.CoordinatorBackendContract;

import java.nio.file.Path;

/** One writer process of the cross-process race: {@code IncrementMain <state dir> <env> <times>}. */
public final class IncrementMain {
    private IncrementMain() {
    }

    public static void main(String[] args) {
        LocalYamlBackend backend = new LocalYamlBackend(Path.of(args[0]));
        int conflicts = CoordinatorBackendContract.increments(backend, args[1], Integer.parseInt(args[2]));
        System.out.println("conflicts: " + conflicts);
    }
}

package io.neckbeard.coordinator.simpledb;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendFactory;
import io.neckbeard.coordinator.CoordinatorContext;
import io.neckbeard.plugin.Plugins;

import java.nio.file.Path;
import java.util.Map;

/** Loads every coordinator factory, as a command does, then reads through local-yaml: args are the project directory. */
public final class OpenLocalYamlMain {
    private OpenLocalYamlMain() {
    }

    public static void main(String[] args) {
        Map<String, CoordinatorBackendFactory> factories = Plugins.builtIn().all(CoordinatorBackendFactory.class);
        try (CoordinatorBackend backend = factories.get("local-yaml").create(
                new CoordinatorContext(Path.of(args[0]), "app", Map.of(), null))) {
            System.out.println("factories " + factories.keySet() + ", state version " + backend.read("production").version());
        }
    }
}

package io.neckbeard.coordinator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * One writer process of a cross-process race, on any backend, opened through its factory as a
 * command would open it (region from {@code AWS_REGION}):
 * {@code IncrementMain <project dir> <env> <times> <coordinator type> [setting=value ...]}.
 */
public final class IncrementMain {
    private IncrementMain() {
    }

    public static void main(String[] args) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            settings.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        CoordinatorBackendFactory factory = ServiceLoader.load(CoordinatorBackendFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(candidate -> candidate.type().equals(args[3])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coordinator backend " + args[3]));
        try (CoordinatorBackend backend = factory.create(new CoordinatorContext(Path.of(args[0]), "race", settings,
                System.getenv("AWS_REGION")))) {
            int conflicts = CoordinatorBackendContract.increments(backend, args[1], Integer.parseInt(args[2]));
            System.out.println("conflicts: " + conflicts);
        }
    }
}

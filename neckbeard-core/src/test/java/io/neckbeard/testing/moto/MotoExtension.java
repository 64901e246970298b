package io.neckbeard.testing.moto;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs tests against moto: starts {@code moto_server} on loopback once per JVM (stopped when the
 * JVM's tests end), resets it before every test, and injects the {@link MotoServer} into test
 * methods, constructors and lifecycle methods. moto is found at {@code $NECKBEARD_MOTO} (set by
 * scripts/test, which installs it), else in {@code .venv-moto/} of the project. Without it the
 * tests are skipped, unless {@code NECKBEARD_REQUIRE_MOTO=1} makes that a failure.
 */
public final class MotoExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MotoServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        MotoServer running = store.get(MotoServer.class, MotoServer.class);
        if (running != null) {
            return running;
        }
        Path executable = executable();
        // The root store lives as long as the JVM's test run and closes the server at its end.
        return store.getOrComputeIfAbsent(MotoServer.class, key -> {
            try {
                return MotoServer.start(executable);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start moto_server: " + e.getMessage(), e);
            }
        }, MotoServer.class);
    }

    private static Path executable() {
        String configured = System.getenv("NECKBEARD_MOTO");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".venv-moto/bin/moto_server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String reason = "moto_server not found (NECKBEARD_MOTO is unset and there is no .venv-moto/; scripts/test installs it)";
        if ("1".equals(System.getenv("NECKBEARD_REQUIRE_MOTO"))) {
            Assertions.fail(reason + ", and NECKBEARD_REQUIRE_MOTO=1 requires the moto tests to run");
        }
        Assumptions.abort(reason + ": the moto tests are skipped (set NECKBEARD_REQUIRE_MOTO=1 to make this a failure)");
        throw new AssertionError("unreachable");
    }
}

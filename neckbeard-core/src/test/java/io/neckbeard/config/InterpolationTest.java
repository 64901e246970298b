package io.neckbeard.config;

import io.neckbeard.config.interpolate.RuntimeInterpolator;
import io.neckbeard.config.testing.StandInPlugins;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Static references at load, run-time ones in {@link RuntimeInterpolator#resolve(ParamTree, RuntimeValues)}, secrets only in the unredacted tree. */
class InterpolationTest {
    @TempDir
    static Path temp;
    static ParamTree params;

    @BeforeAll
    static void load() throws Exception {
        Path root = Path.of(InterpolationTest.class.getResource("/projects/interpolation").toURI());
        params = new ConfigLoader(StandInPlugins.plugins(temp)).load(root, List.of()).nodes("dev", Map.of()).get(0).params();
    }

    static RuntimeValues runtime(Map<String, String> variables) {
        return new RuntimeValues(7, Map.of("address", "127.0.0.1", "port", "4000"), variables::get);
    }

    @Test
    void staticReferencesAreResolvedAtLoad() {
        assertThat(params.values())
                .containsEntry("nested", Map.of("name", "app-1", "az", "zone-a", "env", "dev"))
                .containsEntry("copy_of_nested", Map.of("name", "app-1", "az", "zone-a", "env", "dev"))
                .containsEntry("chained", "app-1-x")
                .containsEntry("index", 1);
    }

    @Test
    void runTimeReferencesAndEscapesStayAsWrittenUntilResolved() {
        assertThat(params.values())
                .containsEntry("url", "http://${node.address}:${node.port}/")
                .containsEntry("port_copy", "http://${node.address}:${node.port}/")
                .containsEntry("secret", "${env:SHOP_SECRET}")
                .containsEntry("dsn", "postgres://shop:${env:SHOP_SECRET}@db/shop")
                .containsEntry("literal", "$${not.a.reference}");
    }

    @Test
    void resolveFillsInRunTimeValuesAndKeepsGenerationANumber() {
        ResolvedParams resolved = RuntimeInterpolator.resolve(params, runtime(Map.of("SHOP_SECRET", "s3cret")));

        assertThat(resolved.values())
                .containsEntry("url", "http://127.0.0.1:4000/")
                .containsEntry("generation", 7L)
                .containsEntry("label", "gen-7")
                .containsEntry("secret", "s3cret")
                .containsEntry("dsn", "postgres://shop:s3cret@db/shop")
                .containsEntry("literal", "${not.a.reference}");
    }

    @Test
    void redactedTreeKeepsEnvironmentReferencesAsWritten() {
        ResolvedParams resolved = RuntimeInterpolator.resolve(params, runtime(Map.of("SHOP_SECRET", "s3cret")));

        assertThat(resolved.redacted())
                .containsEntry("secret", "${env:SHOP_SECRET}")
                .containsEntry("dsn", "postgres://shop:${env:SHOP_SECRET}@db/shop")
                .containsEntry("url", "http://127.0.0.1:4000/");
        assertThat(resolved.redacted().toString()).doesNotContain("s3cret");
    }

    @Test
    void unsetEnvironmentVariableFailsNamingItTheKeyAndTheFileLine() {
        NeckbeardException failure = catchThrowableOfType(NeckbeardException.class, () -> RuntimeInterpolator.resolve(params, runtime(Map.of())));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(failure.getMessage()).contains("SHOP_SECRET").contains("parameter secret").contains("config.yml:9");
        assertThat(failure.remedy()).contains("export SHOP_SECRET");
    }

    @Test
    void nodeValueNotKnownYetFailsNamingTheReference() {
        NeckbeardException failure = catchThrowableOfType(NeckbeardException.class,
                () -> RuntimeInterpolator.resolve(params, new RuntimeValues(1, Map.of(), Map.of("SHOP_SECRET", "x")::get)));

        assertThat(failure.getMessage()).contains("${node.address}").contains("parameter url").contains("config.yml:6");
    }
}

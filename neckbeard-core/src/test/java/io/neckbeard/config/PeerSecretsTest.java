package io.neckbeard.config;

import io.neckbeard.config.interpolate.RuntimeInterpolator;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value holding both a secret and a peer: the node gets both resolved, while the redacted tree
 * (the only form stored, digested or logged) has the peer's endpoint and the secret as written.
 */
class PeerSecretsTest {
    private static final ParamTree TREE = new ParamTree(Map.of("app_env", Map.of("DATABASE_URL",
            "postgres://app:${env:DB_PASSWORD}@${peers.db.address}:${peers.db.port}/app")), Map.of());

    @Test
    void theSecretStaysRedactedWhileThePeerIsResolved() {
        ResolvedParams params = RuntimeInterpolator.resolve(TREE, new RuntimeValues(3, Map.of(), Map.of("DB_PASSWORD", "s3cret")::get,
                Map.of("db.address", "10.0.0.9", "db.port", "5432")));

        assertThat(params.values()).isEqualTo(Map.of("app_env",
                Map.of("DATABASE_URL", "postgres://app:s3cret@10.0.0.9:5432/app")));
        assertThat(params.redacted()).isEqualTo(Map.of("app_env",
                Map.of("DATABASE_URL", "postgres://app:${env:DB_PASSWORD}@10.0.0.9:5432/app")));
        assertThat(params.shown("app_env.DATABASE_URL")).doesNotContain("s3cret");
    }

    @Test
    void aPeerNotLaunchedYetIsAnErrorThatQuotesNoSecret() {
        assertThatThrownBy(() -> RuntimeInterpolator.resolve(TREE, new RuntimeValues(3, Map.of(), Map.of("DB_PASSWORD", "s3cret")::get)))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("${peers.db.address} is not known").doesNotContain("s3cret");
                });
    }
}

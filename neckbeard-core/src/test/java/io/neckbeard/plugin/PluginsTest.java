package io.neckbeard.plugin;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthCheckContext;
import io.neckbeard.health.HealthCheckFactory;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.http.HttpHealthCheckFactory;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginsTest {

    /** A plugin as a test registers it: no JAR, no services file. */
    static final class NamedCheck implements HealthCheckFactory {
        private final String type;

        NamedCheck(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public HealthCheck create(HealthCheckContext context) {
            return target -> HealthResult.healthy(type);
        }
    }

    @Test
    void ofRegistersAPluginBesideTheBuiltInsWithoutAJar() {
        Plugins plugins = Plugins.of(new NamedCheck("always"));

        assertThat(plugins.all(HealthCheckFactory.class)).containsKeys("always", "http", "tcp");
        assertThat(plugins.find(HealthCheckFactory.class, "always", "health check")).isInstanceOf(NamedCheck.class);
        assertThat(plugins.all(LoadBalancerFactory.class)).containsOnlyKeys("none");
    }

    @Test
    void aPluginClaimingABuiltInTypeIsAUsageErrorNamingBothSources() {
        Plugins plugins = Plugins.of(new NamedCheck("http"));

        assertThatThrownBy(() -> plugins.all(HealthCheckFactory.class))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("two HealthCheckFactory plugins claim the type 'http'")
                            .contains(HttpHealthCheckFactory.class.getName()).contains(NamedCheck.class.getName());
                    assertThat(e.remedy()).contains("remove one of them");
                });
    }

    @Test
    void twoRegisteredPluginsOfOneTypeAreAUsageErrorToo() {
        Plugins plugins = Plugins.of(new NamedCheck("same"), new NamedCheck("same"));

        assertThatThrownBy(() -> plugins.find(HealthCheckFactory.class, "same", "health check"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}

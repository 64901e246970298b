package io.neckbeard.provider.staticip;

import io.neckbeard.model.ParamProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code check} reports about {@code static.hosts}; the configuration engine adds the list's file:line. */
class StaticProviderFactoryTest {
    private final StaticProviderFactory factory = new StaticProviderFactory();

    private List<ParamProblem> problems(List<String> hosts) {
        return factory.validate("web", Map.of("static", Map.of("hosts", hosts)));
    }

    @Test
    void acceptsHostNamesAndIpv4AndIpv6Addresses() {
        assertThat(problems(List.of("10.0.0.5", "app-1.example.com", "::1", "fe80::1%eth0", "${outputs.host}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand=touch /tmp/x", "10.0.0.5 10.0.0.6", "host;reboot", "$(id)", "a`b`", "h|x", "h'", "a\tb"})
    void refusesAnEntryThatIsNotAHostNameOrAddress(String host) {
        assertThat(problems(List.of("10.0.0.5", host)))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("static.hosts");
                    assertThat(problem.message()).contains("'" + host + "'").contains("not a host name or address");
                });
    }

    @Test
    void refusesAHostListedTwiceAsTheNodesWouldShareItsStackRoot() {
        assertThat(problems(List.of("10.0.0.5", "db.example.com", "DB.example.com")))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("static.hosts");
                    assertThat(problem.message()).contains("DB.example.com twice").contains("Stack root");
                });
    }
}

package io.neckbeard.coordinator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentsTest {

    @Test
    void masksValuesOfVarsSet() {
        assertThat(Arguments.mask(List.of("vars", "production", "set", "DATABASE_URL=postgres://u:p@db", "A=b=c")))
                .containsExactly("vars", "production", "set", "DATABASE_URL=***", "A=***");
    }

    @Test
    void masksTheValueAfterAPasswordLikeOption() {
        assertThat(Arguments.mask(List.of("init", "--db-password", "hunter2", "--api-token=abc", "--name", "web")))
                .containsExactly("init", "--db-password", "***", "--api-token=***", "--name", "web");
    }

    @Test
    void leavesOrdinaryArgumentsAlone() {
        assertThat(Arguments.mask(List.of("scale", "production", "app=4", "-o", "json")))
                .containsExactly("scale", "production", "app=4", "-o", "json");
    }
}

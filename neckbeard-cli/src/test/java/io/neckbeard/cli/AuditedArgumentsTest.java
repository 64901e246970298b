package io.neckbeard.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditedArgumentsTest {
    @Test
    void dropsGlobalOptionsInEveryFormAndKeepsTheCommandsOwn() {
        assertThat(AuditedArguments.of(List.of("-C", "/srv/shop", "-o", "json", "-q", "up", "prod", "--parallel", "3",
                "--output=json", "-Cdir", "--plugin-path", "/p", "--yes", "--pending")))
                .containsExactly("up", "prod", "--parallel", "3", "--pending");
    }

    @Test
    void masksConfigVarValuesAndKeepsEverythingAfterDoubleDash() {
        assertThat(AuditedArguments.of(List.of("vars", "prod", "set", "API_KEY=abc", "-y")))
                .containsExactly("vars", "prod", "set", "API_KEY=***");
        assertThat(AuditedArguments.of(List.of("run", "prod", "--", "ls", "-q", "-C", "x")))
                .containsExactly("run", "prod", "--", "ls", "-q", "-C", "x");
    }
}

package io.neckbeard.stack;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcfileTest {
    @Test
    void readsNamedCommandsSkippingBlankLinesAndComments() {
        List<ProcfileEntry> entries = Procfile.parse(List.of("# processes", "web: python3 app.py --port $PORT", "",
                "worker_2 :  sh -c 'while :; do sleep 1; done'"), "Procfile");

        assertThat(entries).containsExactly(new ProcfileEntry("web", "python3 app.py --port $PORT"),
                new ProcfileEntry("worker_2", "sh -c 'while :; do sleep 1; done'"));
        assertThat(entries.get(0).web()).isTrue();
        assertThat(entries.get(1).web()).isFalse();
    }

    @Test
    void rejectsMalformedLinesDuplicateNamesAndEmptyProcfilesNamingTheLine() {
        assertThatThrownBy(() -> Procfile.parse(List.of("web: a", "web server: b"), "rel/Procfile"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).startsWith("rel/Procfile:2: not a Procfile line");
                });
        assertThatThrownBy(() -> Procfile.parse(List.of("web: a", "web: b"), "Procfile"))
                .hasMessageContaining("Procfile:2: process 'web' is defined twice");
        assertThatThrownBy(() -> Procfile.parse(List.of("# nothing"), "Procfile"))
                .hasMessageContaining("defines no process");
    }
}

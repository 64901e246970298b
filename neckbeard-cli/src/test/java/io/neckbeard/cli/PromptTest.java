package io.neckbeard.cli;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The yes/no question before a destructive command. */
class PromptTest {
    private final StringWriter err = new StringWriter();

    @Test
    void answeringNoAbortsWithExitOne() {
        assertThatThrownBy(() -> prompt(false, "n\n").confirm("Terminate generation 1 of dev (2 nodes)?", "terminate would destroy 2 nodes"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).isEqualTo("aborted");
                });
        assertThat(err.toString()).isEqualTo("Terminate generation 1 of dev (2 nodes)? [y/N] ");
    }

    @Test
    void anEmptyAnswerOrEndOfInputAbortsToo() {
        assertThatThrownBy(() -> prompt(false, "\n").confirm("Go?", "go")).hasMessage("aborted");
        assertThatThrownBy(() -> prompt(false, "").confirm("Go?", "go")).hasMessage("aborted");
    }

    @Test
    void answeringYesOrPassingYesGoesOn() {
        assertThatCode(() -> prompt(false, "Yes\n").confirm("Go?", "go")).doesNotThrowAnyException();
        assertThatCode(() -> new Prompt(true, null, new PrintWriter(err)).confirm("Go?", "go")).doesNotThrowAnyException();
        assertThat(err.toString()).isEqualTo("Go? [y/N] ");
    }

    @Test
    void withoutATerminalItSaysWhatWouldHappenAndHowToConfirm() {
        assertThatThrownBy(() -> new Prompt(false, null, new PrintWriter(err)).confirm("Go?", "terminate would destroy 2 nodes"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("terminate would destroy 2 nodes, and there is no terminal to confirm it on");
                    assertThat(e.remedy()).isEqualTo("pass --yes to confirm without a terminal");
                });
    }

    private Prompt prompt(boolean yes, String typed) {
        return new Prompt(yes, new BufferedReader(new StringReader(typed)), new PrintWriter(err, true));
    }
}

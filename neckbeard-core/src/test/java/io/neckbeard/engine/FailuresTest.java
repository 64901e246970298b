package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {
    @Test
    void aNodesFailureKeepsTheRemedyOnALineOfItsOwn() {
        NeckbeardException unknownKey = new NeckbeardException(ExitCode.USAGE, "the host key of 10.0.0.5:22 is not known",
                "verify it, then: ssh-keyscan -p 22 10.0.0.5 >> ~/.ssh/known_hosts");

        assertThat(Failures.describe(unknownKey)).isEqualTo("the host key of 10.0.0.5:22 is not known\n"
                + "fix: verify it, then: ssh-keyscan -p 22 10.0.0.5 >> ~/.ssh/known_hosts");
    }

    @Test
    void aFailureWithoutARemedyIsItsMessageAndASurpriseNamesItsType() {
        assertThat(Failures.describe(new NeckbeardException(ExitCode.FAILED, "disk full", null))).isEqualTo("disk full");
        assertThat(Failures.describe(new IllegalStateException("bad attribute"))).isEqualTo("java.lang.IllegalStateException: bad attribute");
    }
}

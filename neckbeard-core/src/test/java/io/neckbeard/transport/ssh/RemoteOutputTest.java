package io.neckbeard.transport.ssh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait for a remote command ends as soon as it prints or its output ends, not at the next poll. */
class RemoteOutputTest {
    /** Far longer than the test's own bound: a wait nothing cuts short would fail the test. */
    private static final long HOUR = TimeUnit.HOURS.toMillis(1);

    private final ExecutorService waiter = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        waiter.shutdownNow();
    }

    @Test
    void outputCutsAWaitShort() throws Exception {
        RemoteOutput output = new RemoteOutput(20);
        Future<Boolean> woken = waiter.submit(() -> output.await(HOUR));

        output.write("hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(woken.get(20, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new ArrayList<>();
        output.drainTo(lines::add);
        assertThat(lines).containsExactly("hello");
    }

    @Test
    void theEndOfTheOutputCutsAWaitShort() throws Exception {
        RemoteOutput output = new RemoteOutput(20);
        Future<Boolean> woken = waiter.submit(() -> output.await(HOUR));

        output.close();

        assertThat(woken.get(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitWithNothingNewRunsItsTimeAndSaysSo() throws Exception {
        RemoteOutput output = new RemoteOutput(20);
        output.write('x');
        assertThat(output.await(HOUR)).as("output came before the wait").isTrue();

        assertThat(output.await(1)).as("nothing since").isFalse();
    }
}

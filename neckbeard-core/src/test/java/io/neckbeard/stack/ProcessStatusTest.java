package io.neckbeard.stack;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatusTest {
    @Test
    void anInspectScriptsOutputGivesEachProcessWithItsLogLinesAndUnknownFieldsAsNull() {
        List<ProcessStatus> statuses = ProcessStatus.parse(List.of(
                "nb-process web running 0 - -",
                "nb-process worker down 2 3 1800000000",
                "nb-log worker boom: missing DATABASE_URL",
                "nb-log worker ",
                "some other output",
                "nb-process clock stopped 0 - -"));

        assertThat(statuses).extracting(ProcessStatus::name).containsExactly("web", "worker", "clock");
        assertThat(statuses.get(0).running()).isTrue();
        assertThat(statuses.get(0).lastExitCode()).isNull();
        ProcessStatus worker = statuses.get(1);
        assertThat(worker.exits()).isEqualTo(2);
        assertThat(worker.lastExitCode()).isEqualTo(3);
        assertThat(worker.lastExitAt()).isEqualTo(Instant.ofEpochSecond(1800000000L));
        assertThat(worker.logTail()).containsExactly("boom: missing DATABASE_URL", "");
        assertThat(worker.describe()).isEqualTo("worker exited with code 3, 2 times since it was started (being restarted); "
                + "last lines of logs/worker.log:\n  boom: missing DATABASE_URL\n  ");
        assertThat(statuses.get(2).stopped()).isTrue();
        assertThat(statuses.get(2).exited()).isTrue();
    }

    @Test
    void theAppsPidAndStartComeAfterTheExitFieldsWhenTheScriptGivesThem() {
        List<ProcessStatus> statuses = ProcessStatus.parse(List.of(
                "nb-process web running 1 0 1800000000 4242 1800000100",
                "nb-process worker down 2 3 1800000000 - -"));

        assertThat(statuses.get(0).pid()).isEqualTo(4242);
        assertThat(statuses.get(0).startedAt()).isEqualTo(Instant.ofEpochSecond(1800000100L));
        assertThat(statuses.get(1).pid()).isNull();
        assertThat(statuses.get(1).startedAt()).isNull();
    }
}

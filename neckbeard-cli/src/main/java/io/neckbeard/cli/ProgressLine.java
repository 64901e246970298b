package io.neckbeard.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The last line of live progress on a terminal:
 * {@code [██████░░░░░░░░░░░░░░] 3/8 nodes  wave 2/3  1m5s elapsed  ETA 1m50s}. The ETA assumes the
 * nodes left take as long each as the finished ones did; it is shown from the first finished node.
 */
final class ProgressLine {
    private static final int WIDTH = 20;

    private final Clock clock;
    private final List<Integer> waves;
    private final int total;
    private final Instant started;
    private int done;

    ProgressLine(Clock clock, List<Integer> waveSizes) {
        this.clock = clock;
        this.waves = List.copyOf(waveSizes);
        this.total = waves.stream().mapToInt(Integer::intValue).sum();
        this.started = clock.instant();
    }

    void finished() {
        done = Math.min(total, done + 1);
    }

    String render() {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        Duration elapsed = Duration.between(started, clock.instant());
        StringBuilder line = new StringBuilder("[").append("█".repeat(filled)).append("░".repeat(WIDTH - filled)).append("] ")
                .append(done).append('/').append(total).append(" nodes  wave ").append(wave()).append('/').append(waves.size())
                .append("  ").append(DurationText.of(elapsed)).append(" elapsed");
        if (done > 0 && done < total) {
            line.append("  ETA ").append(DurationText.of(elapsed.multipliedBy(total - done).dividedBy(done)));
        }
        return line.toString();
    }

    /** The wave the next node to finish belongs to (the last one once all are done). */
    private int wave() {
        int counted = 0;
        for (int i = 0; i < waves.size(); i++) {
            counted += waves.get(i);
            if (done < counted) {
                return i + 1;
            }
        }
        return waves.size();
    }
}

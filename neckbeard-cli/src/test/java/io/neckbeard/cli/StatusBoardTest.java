package io.neckbeard.cli;

import io.neckbeard.engine.StatusReport;
import io.neckbeard.engine.StatusReport.GenerationStatus;
import io.neckbeard.engine.StatusReport.NodeStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshot tests of the status board: its exact terminal output, escape sequences included, is
 * compared with a file under src/test/resources/status-board/. After an intended change of the
 * board, run the test with {@code -Dsnapshots.update=true} and review the files' diff.
 */
class StatusBoardTest {
    private static final Path SNAPSHOTS = Path.of("src/test/resources/status-board");
    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00.123Z");

    /** Every look: serving, unhealthy, draining (taken out; an old generation), pending (not launched; built, waiting). */
    private static StatusReport production() {
        GenerationStatus pending = new GenerationStatus(3, "pending", CREATED, "sha256:3333", List.of(
                node("web-1", "us-east-1a", "i-31", true, false),
                node("web-2", "us-east-1b", null, null, false)));
        GenerationStatus active = new GenerationStatus(2, "active", CREATED, "sha256:2222", List.of(
                node("web-1", "us-east-1a", "i-21", true, true),
                node("web-2", "us-east-1b", "i-22", true, true),
                node("web-3", "us-east-1a", "i-23", false, false),
                node("web-4", "us-east-1b", "i-24", true, false),
                node("web-5", "us-east-1a", "i-25", true, true)));
        GenerationStatus old = new GenerationStatus(1, "old", CREATED, "sha256:1111", List.of(
                node("web-1", "us-east-1a", "i-11", true, false),
                node("web-2", "us-east-1b", "i-12", true, false)));
        return new StatusReport("production", new StatusReport.Lock("alice@desk", CREATED, "up"), List.of(pending, active, old));
    }

    private static NodeStatus node(String name, String az, String resourceId, Boolean healthy, boolean operational) {
        return new NodeStatus(name, "web", az, resourceId, resourceId == null ? null : "10.0.0.1", 8080, null, healthy,
                operational, healthy == null ? null : CREATED, Boolean.FALSE.equals(healthy) ? "connection refused" : null);
    }

    @Test
    void aGenerationPerLineGroupAndAColouredBlockPerNodeInEachZone() throws IOException {
        assertMatchesSnapshot("colour.txt", new StatusBoard(true).render(production(), 1));
    }

    @Test
    void withoutColourTheBlocksDifferInShape() throws IOException {
        assertMatchesSnapshot("no-colour.txt", new StatusBoard(false).render(production(), 0));
    }

    @Test
    void anEnvironmentWithoutGenerationsSaysHowToMakeOne() throws IOException {
        assertMatchesSnapshot("empty.txt", new StatusBoard(true).render(new StatusReport("dev", null, List.of()), 0));
    }

    private static void assertMatchesSnapshot(String name, List<String> lines) throws IOException {
        String drawn = String.join("\n", lines) + "\n";
        Path file = SNAPSHOTS.resolve(name);
        if (Boolean.getBoolean("snapshots.update")) {
            Files.writeString(file, drawn, StandardCharsets.UTF_8);
        }
        assertThat(drawn).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}

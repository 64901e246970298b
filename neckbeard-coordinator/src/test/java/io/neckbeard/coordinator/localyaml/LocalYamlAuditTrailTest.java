package io.neckbeard.coordinator.localyaml;

import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.coordinator.yaml.AuditLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalYamlAuditTrailTest {
    @TempDir
    Path dir;
    private Path trail;
    private LocalYamlBackend backend;

    @BeforeEach
    void openBackend() {
        trail = dir.resolve("production/audit.log");
        backend = new LocalYamlBackend(dir);
    }

    @Test
    void anAppendAfterATornLineStartsOnALineOfItsOwn() throws IOException {
        backend.append(entry("up"));
        String torn = AuditLines.encode(entry("promote")).substring(0, 30);
        Files.writeString(trail, Files.readString(trail) + torn);

        backend.append(entry("rollback"));

        List<String> lines = Files.readAllLines(trail);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo(torn);
        assertThat(lines.get(2)).isEqualTo(AuditLines.encode(entry("rollback")));
    }

    @Test
    void historySkipsADamagedLineAndStillReturnsTheLimit() throws IOException {
        backend.append(entry("up"));
        backend.append(entry("promote"));
        Files.writeString(trail, Files.readString(trail) + "{\"at\":\"2024-05-01T1\n");
        backend.append(entry("rollback"));

        assertThat(new LocalYamlBackend(dir).audit("production", 2)).extracting(AuditEntry::command)
                .containsExactly("rollback", "promote");
        assertThat(new LocalYamlBackend(dir).audit("production", 10)).extracting(AuditEntry::command)
                .containsExactly("rollback", "promote", "up");
    }

    private static AuditEntry entry(String command) {
        return new AuditEntry(Instant.parse("2024-05-01T10:00:00Z"), "alice", "laptop", "production", command,
                List.of(command, "production"), 1L, "ok", Duration.ofSeconds(1));
    }
}

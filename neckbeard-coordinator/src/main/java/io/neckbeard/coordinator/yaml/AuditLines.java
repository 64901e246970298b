package io.neckbeard.coordinator.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neckbeard.coordinator.AuditEntry;
import io.neckbeard.core.Json;

/**
 * The audit trail's storage form: one compact JSON document per line, so an append never
 * touches earlier lines and a reader takes the newest entries from the end of the file.
 */
public final class AuditLines {
    private AuditLines() {
    }

    public static String encode(AuditEntry entry) {
        try {
            return Json.mapper().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an audit entry", e);
        }
    }

    /** @param location the file and which line, for the message */
    public static AuditEntry decode(String line, String location) {
        try {
            return Json.mapper().readValue(line, AuditEntry.class);
        } catch (JsonProcessingException e) {
            throw YamlMap.damaged(location, "not a valid audit entry: " + e.getOriginalMessage(), e);
        }
    }
}

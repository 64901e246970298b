package io.neckbeard.state;

import java.util.Locale;

/** The life of a generation: pending → active → old → terminated. */
public enum GenerationState {
    PENDING, ACTIVE, OLD, TERMINATED;

    /** The lower-case id used in YAML, JSON and text. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

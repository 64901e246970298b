package io.neckbeard.provider;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a provider says of a resource now. */
public enum ResourceState {
    RUNNING,
    /** Being created or booting. */
    PENDING,
    STOPPED,
    /** Exists, but does not answer (a static host whose SSH port accepts no connection). */
    UNREACHABLE,
    /** No longer exists (terminated, deleted). */
    GONE,
    /** Not asked yet: a resource rebuilt from a node record, until its provider refreshes it. */
    UNKNOWN;

    /** The id shown in text and JSON: {@code running}, {@code gone}, ... */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}

package io.neckbeard.model;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code {type: ..., other: settings}} block (packager, coordinator, provisioner, load
 * balancer, health check). {@code settings} holds every key but {@code type}; a key written with
 * no value ({@code timeout:}) is left out, as if it were not written.
 */
public record TypedSettings(String type, Map<String, Object> settings, Origin origin) {
    public TypedSettings {
        settings = settings.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public String string(String key, String fallback) {
        Object value = settings.get(key);
        return value == null ? fallback : value.toString();
    }
}

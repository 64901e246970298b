package io.neckbeard.config;

import java.util.Map;

/**
 * A {@code {type: ..., other: settings}} block (packager, coordinator, provisioner, load
 * balancer, health check). {@code settings} holds every key but {@code type}.
 */
public record TypedSettings(String type, Map<String, Object> settings, Origin origin) {
    public TypedSettings {
        settings = Map.copyOf(settings);
    }

    public String string(String key, String fallback) {
        Object value = settings.get(key);
        return value == null ? fallback : value.toString();
    }
}

package io.neckbeard.health;

/** One observation: healthy or not, and why (status code, connection error, command output tail). */
public record HealthResult(boolean healthy, String detail) {
    public static HealthResult healthy(String detail) {
        return new HealthResult(true, detail);
    }

    public static HealthResult unhealthy(String detail) {
        return new HealthResult(false, detail);
    }
}

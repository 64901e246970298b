package io.neckbeard.model;

/**
 * The {@code stack:} block: where releases live on a node, how many are kept, and which
 * process manager runs the Procfile ({@code systemd} on servers, {@code direct} locally).
 */
public record StackSettings(String root, int keepReleases, String processManager) {
}

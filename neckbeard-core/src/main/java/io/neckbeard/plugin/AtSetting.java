package io.neckbeard.plugin;

/**
 * An exception about one setting of a plugin's block: {@link #setting()} is its key path inside the
 * block ({@code timeout}, {@code scripts[1]}; empty for the block itself), so the problem is reported
 * at that key's file:line.
 */
public interface AtSetting {
    String setting();
}

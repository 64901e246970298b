package io.neckbeard.provisioner;

import io.neckbeard.plugin.SettingException;

/**
 * A setting of the {@code provisioner:} block is wrong (exit 2). {@link #setting()} is its key path
 * inside the block ({@code timeout}, {@code scripts[1]}), so {@code neckbeard check} reports the
 * problem at that key's line of config.yml.
 */
public class ProvisionerSettingException extends SettingException {
    private static final long serialVersionUID = 1L;

    /** @param setting the key path inside {@code provisioner:}, e.g. {@code scripts[1]} */
    public ProvisionerSettingException(String setting, String message, String remedy) {
        super(setting, message, remedy);
    }
}

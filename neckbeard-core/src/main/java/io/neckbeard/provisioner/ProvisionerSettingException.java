package io.neckbeard.provisioner;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.plugin.AtSetting;

/**
 * A setting of the {@code provisioner:} block is wrong (exit 2). {@link #setting()} is its key path
 * inside the block ({@code timeout}, {@code scripts[1]}), so {@code neckbeard check} reports the
 * problem at that key's line of config.yml.
 */
public class ProvisionerSettingException extends NeckbeardException implements AtSetting {
    private static final long serialVersionUID = 1L;

    private final String setting;

    public ProvisionerSettingException(String setting, String message, String remedy) {
        super(ExitCode.USAGE, message, remedy);
        this.setting = setting;
    }

    /** The key path inside {@code provisioner:}, e.g. {@code scripts[1]}. */
    @Override
    public String setting() {
        return setting;
    }
}

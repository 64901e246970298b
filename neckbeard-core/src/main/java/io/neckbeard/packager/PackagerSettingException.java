package io.neckbeard.packager;

import io.neckbeard.core.ExitCode;
import io.neckbeard.plugin.AtSetting;

/**
 * A setting of the {@code packager:} block is wrong, or a file it must pack is missing (exit 2).
 * {@link #setting()} is its key inside the block ({@code include}; empty for the block itself), so
 * {@code neckbeard check} reports the problem at that key's line of config.yml.
 */
public class PackagerSettingException extends PackagerException implements AtSetting {
    private static final long serialVersionUID = 1L;

    private final String setting;

    public PackagerSettingException(String setting, String message, String remedy) {
        super(ExitCode.USAGE, message, remedy, null);
        this.setting = setting;
    }

    /** The key inside {@code packager:}, e.g. {@code include}; empty for the block itself. */
    @Override
    public String setting() {
        return setting;
    }
}

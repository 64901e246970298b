package io.neckbeard.plugin;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/**
 * A plugin setting is wrong (exit 2): thrown by settings code a plugin runs both before it acts
 * and, through {@link PluginSettings#problemOf}, from its {@code validate}, where the problem is
 * then reported at {@link #setting()}.
 */
public class SettingException extends NeckbeardException implements AtSetting {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /** @param setting the key path inside the plugin's block, e.g. {@code port}; empty for the block */
    public SettingException(String setting, String message, String remedy) {
        super(ExitCode.USAGE, message, remedy);
        this.setting = setting;
    }

    @Override
    public String setting() {
        return setting;
    }
}

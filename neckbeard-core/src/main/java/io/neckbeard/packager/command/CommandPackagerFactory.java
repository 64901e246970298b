package io.neckbeard.packager.command;

import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provider.ParamProblem;

import java.util.List;
import java.util.Map;

/** The {@code command} packager: the project's own build fills a directory, which is packed as a slug. */
public final class CommandPackagerFactory implements PackagerFactory {
    @Override
    public String type() {
        return "command";
    }

    @Override
    public Packager create() {
        return new CommandPackager();
    }

    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return PluginSettings.unknownKeys(settings, CommandPackager.SETTINGS, "command packager");
    }
}

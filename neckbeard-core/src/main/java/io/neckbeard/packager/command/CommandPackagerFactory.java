package io.neckbeard.packager.command;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** The {@code command} packager: the project's own build fills a directory, which is packed as a slug. */
public final class CommandPackagerFactory implements PackagerFactory {
    @Override
    public String type() {
        return "command";
    }

    @Override
    public Packager create(PackagerContext context) {
        return new CommandPackager();
    }

    /** Every unknown key, then the first value problem ({@code output} only with the project root). */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> unknown = PluginSettings.unknownKeys(settings, CommandSettings.KEYS, "command packager");
        if (!unknown.isEmpty()) {
            return unknown;
        }
        return PluginSettings.problemOf("", () -> CommandSettings.of(settings, context.projectRoot()));
    }
}

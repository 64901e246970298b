package io.neckbeard.packager.tarball;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** The {@code tarball} packager: the project's files, a manifest and a content digest in a tar.gz. */
public final class TarballPackagerFactory implements PackagerFactory {
    @Override
    public String type() {
        return "tarball";
    }

    @Override
    public Packager create(PackagerContext context) {
        return new TarballPackager();
    }

    /** Unknown keys, then the values, then (for {@code check}) the Procfile the slug must hold. */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> problems = PluginSettings.unknownKeys(settings, TarballPackager.SETTINGS, "tarball packager");
        if (problems.isEmpty()) {
            problems = PluginSettings.problemOf("", () -> TarballPackager.validate(settings));
        }
        if (problems.isEmpty() && context.checksFiles()) {
            problems = PluginSettings.problemOf("", () -> TarballPackager.checkProcfile(settings, context.projectRoot()));
        }
        return problems;
    }
}

package io.neckbeard.provisioner.shell;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerContext;
import io.neckbeard.provisioner.ProvisionerFactory;

import java.util.List;
import java.util.Map;

/** The {@code shell} provisioner: runs the project's own scripts on each node. */
public final class ShellProvisionerFactory implements ProvisionerFactory {
    @Override
    public String type() {
        return "shell";
    }

    @Override
    public Provisioner create(ProvisionerContext context) {
        return new ShellProvisioner();
    }

    /** Unknown keys, then {@code scripts} (files under the project root) and {@code timeout}; roles are not the shell's concern. */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> unknown = PluginSettings.unknownKeys(settings, ShellSettings.KEYS, "shell provisioner");
        if (!unknown.isEmpty() || !context.checksFiles()) {
            return unknown;
        }
        return PluginSettings.problemOf("", () -> ShellSettings.of(settings, context.projectRoot()));
    }
}

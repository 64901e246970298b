package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.PluginSettings;
import io.neckbeard.plugin.ValidationContext;
import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerContext;
import io.neckbeard.provisioner.ProvisionerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The {@code chef-solo} provisioner: pushes the roles of a node's services and runs chef-solo on it. */
public final class ChefSoloProvisionerFactory implements ProvisionerFactory {
    @Override
    public String type() {
        return "chef-solo";
    }

    @Override
    public Provisioner create(ProvisionerContext context) {
        return new ChefSoloProvisioner();
    }

    /** The settings, then a role file that exists and is JSON for every role the services name. */
    @Override
    public List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        List<ParamProblem> unknown = PluginSettings.unknownKeys(settings, ChefSoloSettings.KEYS, "chef-solo provisioner");
        if (!unknown.isEmpty() || !context.checksFiles()) {
            return unknown;
        }
        return PluginSettings.problemOf("", () -> {
            ChefSoloSettings checked = ChefSoloSettings.of(settings, context.projectRoot());
            for (String role : new LinkedHashSet<>(context.roles())) {
                RoleFiles.find(checked.roles(), role, "the project's services");
            }
        });
    }
}

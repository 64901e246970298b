package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

/** The {@code chef-solo} provisioner: pushes the roles of a node's services and runs chef-solo on it. */
public final class ChefSoloProvisionerFactory implements ProvisionerFactory {
    @Override
    public String type() {
        return "chef-solo";
    }

    @Override
    public Provisioner create() {
        return new ChefSoloProvisioner();
    }

    /** The settings, then a role file that exists and is JSON for every role the services name. */
    @Override
    public void validate(Map<String, Object> settings, Path projectRoot, Collection<String> roles) {
        ChefSoloSettings checked = ChefSoloSettings.of(settings, projectRoot);
        for (String role : new LinkedHashSet<>(roles)) {
            RoleFiles.find(checked.roles(), role, "the project's services");
        }
    }
}

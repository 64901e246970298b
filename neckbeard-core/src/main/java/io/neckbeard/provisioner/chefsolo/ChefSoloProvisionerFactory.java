package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerFactory;

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
}

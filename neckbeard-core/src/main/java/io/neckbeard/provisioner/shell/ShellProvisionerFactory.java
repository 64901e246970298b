package io.neckbeard.provisioner.shell;

import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerFactory;

/** The {@code shell} provisioner: runs the project's own scripts on each node. */
public final class ShellProvisionerFactory implements ProvisionerFactory {
    @Override
    public String type() {
        return "shell";
    }

    @Override
    public Provisioner create() {
        return new ShellProvisioner();
    }
}

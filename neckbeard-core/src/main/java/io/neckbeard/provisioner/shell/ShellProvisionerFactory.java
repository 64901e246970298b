package io.neckbeard.provisioner.shell;

import io.neckbeard.provisioner.Provisioner;
import io.neckbeard.provisioner.ProvisionerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

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

    /** Unknown keys, {@code scripts} (files under the project root) and {@code timeout}; roles are not the shell's concern. */
    @Override
    public void validate(Map<String, Object> settings, Path projectRoot, Collection<String> roles) {
        ShellSettings.of(settings, projectRoot);
    }
}

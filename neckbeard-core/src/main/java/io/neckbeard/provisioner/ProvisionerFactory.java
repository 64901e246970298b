package io.neckbeard.provisioner;

import io.neckbeard.plugin.Typed;

/** Registered in {@code META-INF/services}; {@code type()} is {@code provisioner.type}. */
public interface ProvisionerFactory extends Typed {
    Provisioner create();
}

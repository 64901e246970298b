package io.neckbeard.provisioner;

import io.neckbeard.plugin.Typed;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Registered in {@code META-INF/services}; {@code type()} is {@code provisioner.type}. */
public interface ProvisionerFactory extends Typed {
    Provisioner create();

    /**
     * Checks the provisioner's settings and the project files they need, offline, when the
     * configuration is loaded: so {@code neckbeard check} reports a problem, and {@code up} refuses
     * (exit 2) before any node is launched or taken out of its load balancer. The default accepts
     * everything.
     *
     * @param settings    the {@code provisioner:} block without {@code type}
     * @param projectRoot the project directory (paths in the settings are relative to it)
     * @param roles       every role the services of the project's node types name, each once
     * @throws io.neckbeard.core.NeckbeardException exit 2, naming the setting or file and the fix; a
     *         {@link ProvisionerSettingException} to have the problem point at the setting's line
     */
    default void validate(Map<String, Object> settings, Path projectRoot, Collection<String> roles) {
    }
}

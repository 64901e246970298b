package io.neckbeard.provisioner;

import io.neckbeard.transport.Transport;

import java.util.function.Consumer;

/** Makes a node match its roles and parameters, over a {@link Transport}. */
public interface Provisioner {
    /**
     * What provisioning the node takes: files and commands, which the engine ships with the
     * Stack's deploy in one round trip. Checks the settings and local files before any node is
     * touched.
     *
     * @throws io.neckbeard.core.NeckbeardException exit 2 when a setting or a project file is wrong
     */
    ProvisionSteps steps(ProvisionRequest request);

    /**
     * Provisions the node alone (no deploy follows).
     *
     * @param log receives progress lines (never secret values)
     * @throws ProvisionerException with the tail of the tool's output when provisioning fails
     */
    default void provision(ProvisionRequest request, Transport transport, Consumer<String> log) {
        steps(request).runOn(transport, log);
    }
}

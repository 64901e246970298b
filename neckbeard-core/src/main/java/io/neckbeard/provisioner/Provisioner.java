package io.neckbeard.provisioner;

import io.neckbeard.transport.Transport;

import java.util.function.Consumer;

/** Makes a node match its roles and parameters, over a {@link Transport}. */
public interface Provisioner {
    /**
     * @param log receives progress lines (never secret values)
     * @throws ProvisionerException with the tail of the tool's output when provisioning fails
     */
    void provision(ProvisionRequest request, Transport transport, Consumer<String> log);
}

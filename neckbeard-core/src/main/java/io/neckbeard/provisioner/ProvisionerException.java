package io.neckbeard.provisioner;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** Provisioning a node failed (exit 1); the message carries the tail of the tool's output. */
public class ProvisionerException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public ProvisionerException(String message, String remedy, Throwable cause) {
        super(ExitCode.FAILED, message, remedy, cause);
    }
}

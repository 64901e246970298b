package io.neckbeard.loadbalancer;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** Registering, deregistering or reading target health failed (exit 1). */
public class LoadBalancerException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public LoadBalancerException(String message, String remedy, Throwable cause) {
        super(ExitCode.FAILED, message, remedy, cause);
    }
}

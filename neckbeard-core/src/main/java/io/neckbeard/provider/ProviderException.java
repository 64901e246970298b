package io.neckbeard.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

/** A resource could not be launched, found, seeded or terminated (exit 1 unless said otherwise). */
public class ProviderException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    public ProviderException(String message, String remedy, Throwable cause) {
        super(ExitCode.FAILED, message, remedy, cause);
    }

    public ProviderException(String message, String remedy) {
        this(message, remedy, null);
    }
}

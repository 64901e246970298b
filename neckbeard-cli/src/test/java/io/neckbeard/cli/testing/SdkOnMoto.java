package io.neckbeard.cli.testing;

import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.testing.moto.SdkProperties;

/**
 * Sends the AWS SDK of in-process CLI runs to moto through its system properties (they win over
 * the environment), e.g. for {@code node adopt}, which asks the ec2 provider for a resource's tags.
 */
public final class SdkOnMoto {
    private SdkOnMoto() {
    }

    public static void use(MotoServer moto) {
        SdkProperties.use(moto.endpoint());
    }

    public static void clear() {
        SdkProperties.clear();
    }
}

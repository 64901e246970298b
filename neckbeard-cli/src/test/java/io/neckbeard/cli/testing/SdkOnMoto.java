package io.neckbeard.cli.testing;

import io.neckbeard.testing.moto.MotoServer;

import java.util.List;

/**
 * Sends the AWS SDK of in-process CLI runs to moto through its system properties (they win over
 * the environment), e.g. for {@code node adopt}, which asks the ec2 provider for a resource's tags.
 */
public final class SdkOnMoto {
    private static final List<String> PROPERTIES = List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey");

    private SdkOnMoto() {
    }

    public static void use(MotoServer moto) {
        System.setProperty("aws.endpointUrl", MotoServer.requireLoopback(moto.endpoint()).toString());
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    public static void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }
}

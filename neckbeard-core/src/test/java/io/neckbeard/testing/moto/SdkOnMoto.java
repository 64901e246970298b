package io.neckbeard.testing.moto;

import java.util.List;

/**
 * Sends the AWS SDK of in-process runs to moto through its system properties (they win over the
 * environment): CLI commands such as {@code node adopt}, which asks the ec2 provider for a
 * resource's tags, and plugins created from a project's configuration (their clients built by
 * {@code AwsClients} from the SDK's default chains).
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

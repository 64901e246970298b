package io.neckbeard.testing.moto;

import java.net.URI;
import java.util.List;

/**
 * Sends the AWS SDK of in-process runs to moto (or a fault-injecting server in front of it)
 * through its system properties (they win over the environment): CLI commands such as
 * {@code node adopt}, which asks the ec2 provider for a resource's tags, and plugins created from
 * a project's configuration (their clients built by {@code AwsClients} from the SDK's default chains).
 */
public final class SdkOnMoto {
    private static final List<String> PROPERTIES = List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey");

    private SdkOnMoto() {
    }

    public static void use(MotoServer moto) {
        use(moto.endpoint());
    }

    /** Any endpoint on loopback, with dummy keys; another endpoint is refused. */
    public static void use(URI endpoint) {
        useWithoutKeys(endpoint);
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    /** Only the endpoint: the credentials come from wherever the chain finds them (in the build, nowhere). */
    public static void useWithoutKeys(URI endpoint) {
        clear();
        System.setProperty("aws.endpointUrl", MotoServer.requireLoopback(endpoint).toString());
    }

    public static void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }
}

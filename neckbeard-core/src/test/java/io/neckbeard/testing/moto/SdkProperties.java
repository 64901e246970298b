package io.neckbeard.testing.moto;

import java.net.URI;
import java.util.List;

/**
 * Points the AWS SDK's default chains, as neckbeard's own clients use them, at a loopback endpoint
 * (moto, or a fault-injecting server in front of it) with dummy keys, through the SDK's system
 * properties (they win over the environment), for tests that run neckbeard's code in-process.
 */
public final class SdkProperties {
    private static final List<String> PROPERTIES = List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey");

    private SdkProperties() {
    }

    public static void use(URI endpoint) {
        System.setProperty("aws.endpointUrl", MotoServer.requireLoopback(endpoint).toString());
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

package io.neckbeard.aws.provider;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@link Ec2ProviderTests} on LocalStack in Docker: the optional tier. Without Docker the class is
 * skipped (reported as skipped, never failed); CI runs it in its own job (.github/workflows/localstack.yml).
 * The image is pinned; {@code LOCALSTACK_AUTH_TOKEN}, when set, is passed on (an image that needs one).
 */
@Testcontainers(disabledWithoutDocker = true)
class Ec2ProviderOnLocalStackTest extends Ec2ProviderTests {
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    @Container
    static final LocalStackContainer LOCALSTACK = authToken(new LocalStackContainer(IMAGE).withServices(LocalStackContainer.Service.EC2));

    private static LocalStackContainer authToken(LocalStackContainer container) {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? container : container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    @Override
    Ec2Client connect() {
        return MotoEc2.client(LOCALSTACK.getEndpoint());
    }
}

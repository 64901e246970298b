package io.neckbeard.aws;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsErrorsTest {

    /**
     * What the SDK throws for {@code region: us-moon-1}: the endpoint's host does not resolve. Built
     * here rather than provoked, since provoking it would ask DNS for a host of amazonaws.com.
     */
    @Test
    void anEndpointOfAnUnknownRegionIsExitTwoNamingTheRegionSetting() {
        SdkClientException failure = SdkClientException.builder()
                .message("Received an UnknownHostException when attempting to interact with a service.")
                .cause(new UnknownHostException("ec2.us-moon-1.amazonaws.com: Name or service not known")).build();

        RuntimeException translated = AwsErrors.translate(failure, "discover the ec2 nodes of production");

        assertThat(translated).isInstanceOfSatisfying(NeckbeardException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo("cannot discover the ec2 nodes of production: there is no AWS endpoint "
                    + "ec2.us-moon-1.amazonaws.com (is the region one AWS has?)");
            assertThat(e.remedy()).contains("region: in config.yml").contains("AWS_REGION");
        });
    }

    @Test
    void anUnresolvableHostOutsideAwsIsTheOperationsFailure() {
        SdkClientException failure = SdkClientException.builder().message("Received an UnknownHostException")
                .cause(new UnknownHostException("moto.internal")).build();

        RuntimeException translated = AwsErrors.translate(failure, "discover the ec2 nodes of production");

        assertThat(((NeckbeardException) translated).exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(((NeckbeardException) translated).remedy()).contains("AWS_ENDPOINT_URL");
    }
}

package io.neckbeard.aws.provider;

import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@link Ec2ProviderTests} on moto, reset before each test (required by scripts/test: never skipped there). */
@ExtendWith(MotoExtension.class)
class Ec2ProviderOnMotoTest extends Ec2ProviderTests {
    private final MotoServer moto;

    Ec2ProviderOnMotoTest(MotoServer moto) {
        this.moto = moto;
    }

    @Override
    Ec2Client connect() {
        return MotoEc2.client(moto.endpoint());
    }
}

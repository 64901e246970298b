package io.neckbeard.aws.provider;

import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A test class's base on moto: an EC2 client and the ec2 provider on it, new for each test (moto is reset between tests). */
@ExtendWith(MotoExtension.class)
abstract class Ec2OnMoto {
    Ec2Client ec2;
    Ec2Provider provider;

    @BeforeEach
    void connect(MotoServer moto) {
        ec2 = MotoEc2.client(moto);
        provider = MotoEc2.provider(ec2, 1000);
    }

    @AfterEach
    void close() {
        ec2.close();
    }
}

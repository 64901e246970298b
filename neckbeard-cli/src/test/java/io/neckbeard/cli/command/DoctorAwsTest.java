package io.neckbeard.cli.command;

import io.neckbeard.cli.testing.Cli;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import io.neckbeard.testing.moto.SdkOnMoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code doctor}'s aws check, for a project whose nodes run on ec2: STS answers on moto, or cannot be reached. */
class DoctorAwsTest {
    @TempDir
    Path dir;
    private Cli cli;

    @BeforeEach
    void copyProject() throws IOException {
        Path project = Fixtures.copy("projects/coordinated", dir.resolve("project"));
        Files.writeString(project.resolve("Procfile"), "web: python3 -m http.server $PORT\n"); // what check asks of a slug
        cli = Cli.with("-C", project.toString());
    }

    @AfterEach
    void clearAwsSettings() {
        SdkOnMoto.clear();
    }

    @Test
    @ExtendWith(MotoExtension.class)
    void theCredentialsAreAskedWhoTheyBelongTo(MotoServer moto) {
        SdkOnMoto.use(moto);

        Cli.Run doctor = cli.run("doctor");

        assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).containsPattern("(?m)^ok +aws +account \\d{12} as arn:aws:\\S+, region us-east-1 "
                + "\\(used by node type app \\(ec2\\)\\)$");
    }

    /** The build points the SDK at a closed loopback port: AWS cannot be reached. */
    @Test
    void anUnreachableAwsFailsTheCheckWithItsFix() {
        Cli.Run doctor = cli.run("-o", "json", "doctor");

        assertThat(doctor.exit()).isEqualTo(1);
        assertThat(doctor.json().at("/checks/2/name").asText()).isEqualTo("aws");
        assertThat(doctor.json().at("/checks/2/ok").asBoolean()).isFalse();
        assertThat(doctor.json().at("/checks/2/detail").asText()).startsWith("cannot ask AWS STS who the credentials belong to")
                .endsWith("(used by node type app (ec2))");
        assertThat(doctor.json().at("/checks/2/fix").asText()).isNotBlank();
    }
}

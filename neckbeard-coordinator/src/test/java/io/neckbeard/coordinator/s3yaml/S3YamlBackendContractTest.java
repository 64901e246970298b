package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.CoordinatorBackend;
import io.neckbeard.coordinator.CoordinatorBackendContract;
import io.neckbeard.coordinator.WriterProcesses;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared contract on S3 as moto serves it; moto is reset before each test. */
@ExtendWith(MotoExtension.class)
class S3YamlBackendContractTest extends CoordinatorBackendContract {
    private final MotoServer moto;
    @TempDir
    Path dir;

    S3YamlBackendContractTest(MotoServer moto) {
        this.moto = moto;
    }

    @Override
    protected CoordinatorBackend createBackend() {
        MotoS3.createBucket(moto);
        return MotoS3.backend(moto);
    }

    @Override
    protected CoordinatorBackend reopenBackend() {
        return MotoS3.backend(moto);
    }

    /** The writers are JVMs of their own, each opening the backend through the factory from the environment. */
    @Test
    void eightWriterProcessesLoseNoIncrement() throws Exception {
        backend.write(EnvironmentState.empty("production").withScale(Map.of("app", 0)));

        WriterProcesses.run(8, dir, moto.awsEnvironment(), List.of(dir.toString(), "production", "50", "s3-yaml",
                "bucket=" + MotoS3.BUCKET, "prefix=" + S3YamlSettings.DEFAULT_PREFIX));

        EnvironmentState end = reopened.read("production");
        assertThat(end.scale()).containsEntry("app", 400);
        assertThat(end.version()).isEqualTo(401);
    }
}

package io.neckbeard.aws.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.plugin.RunScope;
import io.neckbeard.provider.ProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An IAM Identity Center profile ({@code aws sso login}) needs the SDK's SSO modules besides the
 * service client: they are on the class path, so such a profile without a login fails saying to
 * log in (exit 2), not that a module is missing. Nothing is dialled: the SDK stops at the missing
 * token cache (and the build's endpoint is a closed loopback port).
 */
class IdentityCenterProfileTest {
    private static final List<String> PROFILE_PROPERTIES = List.of("aws.configFile", "aws.profile");
    @TempDir
    Path dir;
    private final RunScope run = new RunScope();

    @AfterEach
    void clear() {
        run.close();
        PROFILE_PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void anIdentityCenterProfileWithoutALoginIsExitTwoSayingToLogIn() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), """
                [profile sso-dev]
                sso_start_url = https://neckbeard-test.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 123456789012
                sso_role_name = Deploy
                """);
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.profile", "sso-dev");
        var provider = new Ec2ProviderFactory().create(new ProviderContext(Path.of("."), MotoEc2.APP, "us-east-1", null, run));

        assertThatThrownBy(() -> provider.discover(MotoEc2.APP, "production"))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.remedy()).contains("aws sso login");
                    assertThat(String.valueOf(e.getCause())).doesNotContain("must be on the class path")
                            .contains("The SSO session associated with this profile has expired or is otherwise invalid");
                });
    }
}

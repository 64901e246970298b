package io.neckbeard.cli;

import io.neckbeard.cli.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code --help}, {@code help CMD} and a bare {@code neckbeard} print. */
class HelpTest {
    private static final String ESC = "\u001B[";

    @AfterEach
    void clearForcedColours() {
        System.clearProperty("picocli.ansi");
    }

    @Test
    void noColorRemovesTheColoursOfHelpEvenWhereTheyWouldBeShown() {
        System.setProperty("picocli.ansi", "true"); // as on a terminal
        assertThat(Cli.with().run("--help").out()).as("the check itself: colours are on").contains(ESC);

        assertThat(Cli.with().run("--no-color", "--help").out()).doesNotContain(ESC).contains("Usage: neckbeard");
        assertThat(Cli.with().run("up", "--help", "--no-color").out()).doesNotContain(ESC).contains("Usage: neckbeard up");
        assertThat(Cli.with().run("--no-color", "help", "up").out()).doesNotContain(ESC).contains("Usage: neckbeard up");
    }

    @Test
    void bareNeckbeardPrintsTheHelpAndExitsZero() {
        Cli.Run run = Cli.with().run();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: neckbeard").contains("terminate").contains("completion");
    }

    @Test
    void anUnknownCommandFromAnotherToolPointsAtTheCommandThatMeansTheSame() {
        Cli.Run deploy = Cli.with().run("deploy", "production");
        Cli.Run destroy = Cli.with().run("destroy", "production");
        Cli.Run console = Cli.with().run("console");

        assertThat(deploy.exit()).isEqualTo(2);
        assertThat(deploy.err()).contains("error: unknown command 'deploy'").contains("fix: use neckbeard up ENV")
                .doesNotContain("Did you mean");
        assertThat(destroy.err()).contains("fix: use neckbeard terminate ENV");
        assertThat(console.err()).contains("fix: use neckbeard ssh ENV NODE");
        assertThat(Cli.with().run("tail", "production").err()).contains("fix: use neckbeard logs ENV -f");
    }

    @Test
    void anotherToolsWordForDoctorPointsAtIt() {
        Cli.Run diagnose = Cli.with().run("-o", "json", "diagnose", "production");

        assertThat(diagnose.exit()).isEqualTo(2);
        assertThat(diagnose.err()).contains("error: unknown command 'diagnose'").contains("fix: use neckbeard doctor [ENV]");
        assertThat(diagnose.json().at("/error/message").asText()).isEqualTo("unknown command 'diagnose'");
    }

    @Test
    void aTypoStillGetsTheNearestCommand() {
        Cli.Run typo = Cli.with().run("stauts", "production");

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("status");
    }

    @Test
    void helpOfANestedCommandShowsThatCommand() {
        Cli.Run help = Cli.with().run("help", "lock", "status");

        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: neckbeard lock status").contains("ENV");
    }

    @Test
    void helpOfAnUnknownCommandSaysSoLikeTheCommandItself() {
        Cli.Run deploy = Cli.with().run("help", "deploy");
        Cli.Run typo = Cli.with().run("help", "lock", "stauts");

        assertThat(deploy.exit()).isEqualTo(2);
        assertThat(deploy.err()).contains("unknown command 'deploy'").contains("use neckbeard up ENV");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("status");
    }

    @Test
    void helpNeverBreaksAPathAcrossLines() {
        assertThat(Cli.with().run("--help").out()).contains("~/.neckbeard/plugins/");
        assertThat(Cli.with().run("up", "--help").out()).contains("~/.neckbeard/plugins/");
        assertThat(Cli.with().run("help", "vars").out()).contains("~/.neckbeard/plugins/");
    }
}

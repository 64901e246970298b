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
}

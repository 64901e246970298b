package io.neckbeard.cli.engine;

import io.neckbeard.cli.testing.JarProcess;
import io.neckbeard.cli.testing.Poll;
import io.neckbeard.core.Json;
import io.neckbeard.transport.ssh.MinaSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.neckbeard.transport.ShellQuote.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A static node reached with a passphrase-protected key that no agent holds and no
 * NECKBEARD_SSH_PASSPHRASE unlocks: the JAR runs under a pseudo-terminal ({@code script}), is asked
 * for the passphrase once, without echo, and logs in; without a terminal it fails saying how to unlock the key.
 */
class SshPassphrasePromptIT {
    private static final String PASSPHRASE = "correct horse battery";
    private static final String QUESTION = "Enter passphrase for ";

    @RegisterExtension
    final EngineProject project = EngineProject.fresh();

    private MinaSshServer server;
    private Path key;
    private int appPort;

    @BeforeEach
    void staticNodeWithAProtectedKey() throws Exception {
        server = new MinaSshServer();
        try (ServerSocket socket = new ServerSocket(0)) {
            appPort = socket.getLocalPort();
        }
        StaticProviderTest.writeStaticProject(project.root(), server, appPort);
        key = project.root().resolve("keys/id_ed25519");
        Files.delete(key);
        server.writeIdentity(key, PASSPHRASE);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void onATerminalThePassphraseIsAskedOnceWithoutEchoAndTheNodeIsDeployed() throws Exception {
        String screen = upOnATerminal("");

        assertThat(occurrences(screen, QUESTION + key + ": ")).as(screen).isEqualTo(1);
        assertThat(screen).contains("web-1").doesNotContain(PASSPHRASE);
        assertThat(EngineProject.get(appPort, "/health")).isNotNull();
    }

    /** System.console() is null when stdout is not a terminal; the question goes to /dev/tty, as ssh's does. */
    @Test
    void withOutputToAFileThePassphraseIsStillAskedOnTheTerminal() throws Exception {
        Path json = project.root().resolve("up.json");

        String screen = upOnATerminal(" -o json > " + quote(json.toString()));

        assertThat(occurrences(screen, QUESTION + key + ": ")).as(screen).isEqualTo(1);
        assertThat(screen + Files.readString(json)).doesNotContain(PASSPHRASE);
        assertThat(Json.mapper().readTree(json.toFile()).toString()).contains("web-1");
    }

    /** The shell's {@code stty -a} after neckbeard ended shows echo on: the shutdown hook undid {@code stty -echo}. */
    @Test
    void ctrlCAtTheQuestionLeavesTheTerminalEchoing() throws Exception {
        Process script = onATerminal("trap 'stty -a; exit 130' INT; " + neckbeard(""));
        awaitQuestion(script);

        type(script, "\003");

        String screen = finish(script);
        assertThat(screen).contains("interrupted; re-run to resume");
        assertThat(screen.substring(screen.lastIndexOf("interrupted"))).containsPattern("[; ]echo ").doesNotContainPattern("-echo ");
    }

    @Test
    void withoutATerminalTheNodeFailsSayingHowToUnlockTheKey() throws Exception {
        JarProcess up = JarProcess.start(project.root(), project.logs(), "up", "up", "dev");

        assertThat(up.await()).as(up.err()).isNotZero();
        assertThat(up.out() + up.err()).contains(key.toString()).contains("passphrase").contains("not a terminal")
                .contains("ssh-add " + key).contains("NECKBEARD_SSH_PASSPHRASE").doesNotContain(QUESTION);
    }

    /**
     * Runs {@code neckbeard up dev} (plus {@code redirect}) under {@code script}'s pseudo-terminal, types the
     * passphrase once the question shows (echo is off by then), and returns what the terminal showed.
     */
    private String upOnATerminal(String redirect) throws Exception {
        Process script = onATerminal(neckbeard(redirect));
        awaitQuestion(script);
        type(script, PASSPHRASE + "\n");
        String shown = finish(script);
        assertThat(script.exitValue()).as(shown).isZero();
        return shown;
    }

    private String neckbeard(String redirect) {
        return String.join(" ", List.of(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()), "-jar",
                quote(System.getProperty("neckbeard.jar")), "-C", quote(project.root().toString()), "up", "dev")) + redirect;
    }

    /** {@code command} run by bash under a pseudo-terminal of its own, with no agent and no passphrase variable. */
    private Process onATerminal(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectErrorStream(true).redirectOutput(screen().toFile());
        builder.environment().put("SHELL", "/bin/bash");
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().remove("NECKBEARD_SSH_PASSPHRASE");
        return builder.start();
    }

    private Path screen() throws Exception {
        return Files.createDirectories(project.logs()).resolve("terminal.out");
    }

    private void awaitQuestion(Process script) throws Exception {
        Poll.until("the passphrase question", () -> {
            if (!script.isAlive()) {
                throw new AssertionError("neckbeard ended before asking: " + Files.readString(screen()));
            }
            return Files.readString(screen()).contains(QUESTION);
        });
    }

    /** Keys typed on the terminal. */
    private static void type(Process script, String keys) throws Exception {
        script.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
        script.getOutputStream().flush();
    }

    /** What the terminal showed, once the command ended. */
    private String finish(Process script) throws Exception {
        if (!script.waitFor(3, TimeUnit.MINUTES)) {
            script.destroyForcibly();
        }
        script.getOutputStream().close();
        return Files.readString(screen());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}

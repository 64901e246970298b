package io.neckbeard.transport.ssh;

import com.jcraft.jsch.Identity;
import io.neckbeard.core.ExitCode;
import io.neckbeard.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A protected key's passphrase: from the variable, else asked at most once per key for the whole run, however many connect at once. */
class PassphrasesTest {
    private static final String PASSPHRASE = "correct horse battery";
    private static final Function<String, String> NO_VARIABLES = Map.<String, String>of()::get;

    @TempDir
    Path dir;

    private MinaSshServer server;
    private Path key;
    private SshSettings settings;
    /** What the prompt was asked, in order: whether each was a second try. */
    private final List<Boolean> asked = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new MinaSshServer();
        key = server.writeIdentity(dir.resolve("id_locked"), PASSPHRASE);
        settings = server.settings(key, server.writeKnownHosts(dir.resolve("known_hosts")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void manyConnectionsAtOnceAskForTheKeysPassphraseOnceAndAllGetTheKey() throws Exception {
        Passphrases passphrases = new Passphrases(answering(PASSPHRASE));
        int connections = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Identities>> loads = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                loads.add(threads.submit(() -> {
                    start.await();
                    return Identities.load(settings, NO_VARIABLES, passphrases);
                }));
            }
            start.countDown();
            for (Future<Identities> load : loads) {
                List<Identity> keys = load.get().getIdentities();
                assertThat(keys).hasSize(1);
                assertThat(keys.get(0).isEncrypted()).as("the key is unlocked").isFalse();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(asked).containsExactly(false);
    }

    @Test
    void aWrongAnswerIsAskedAgainAndTheRightOneUnlocksTheKey() {
        Passphrases passphrases = new Passphrases(answering("wrong-guess", PASSPHRASE));

        assertThat(Identities.load(settings, NO_VARIABLES, passphrases).getIdentities().get(0).isEncrypted()).isFalse();

        assertThat(asked).containsExactly(false, true);
    }

    @Test
    void threeWrongAnswersFailTheKeyForTheWholeRunWithoutAskingAgainOrShowingThem() {
        Passphrases passphrases = new Passphrases(answering("wrong-1", "wrong-2", "wrong-3", PASSPHRASE));

        for (int connection = 0; connection < 2; connection++) {
            assertThatThrownBy(() -> Identities.load(settings, NO_VARIABLES, passphrases))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains(key.toString()).contains("passphrase").contains("wrong");
                        assertThat(e.getMessage() + e.remedy()).doesNotContain("wrong-").doesNotContain(PASSPHRASE);
                    });
        }
        assertThat(asked).containsExactly(false, true, true);
    }

    @Test
    void theVariableIsUsedWithoutAsking() {
        Passphrases passphrases = new Passphrases(answering("never asked"));

        Identities.load(settings, Map.of(Passphrases.VARIABLE, PASSPHRASE)::get, passphrases);

        assertThat(asked).isEmpty();
    }

    @Test
    void withNobodyToAskTheKeyFailsSayingHowToUnlockIt() {
        assertThatThrownBy(() -> Identities.load(settings, NO_VARIABLES, new Passphrases(PassphrasePrompt.NONE)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(key.toString()).contains("no ssh-agent").contains("not a terminal");
                    assertThat(e.remedy()).contains("ssh-add " + key).contains(Passphrases.VARIABLE);
                });
    }

    /** A prompt that gives {@code answers} in turn, slowly, so connections made at once overlap with the question. */
    private PassphrasePrompt answering(String... answers) {
        return (file, again) -> {
            assertThat(file).isEqualTo(key.toString());
            asked.add(again);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answers[Math.min(asked.size(), answers.length) - 1].toCharArray();
        };
    }
}

package io.neckbeard.transport.ssh;

import com.jcraft.jsch.KeyPair;
import io.neckbeard.core.ExitCode;
import io.neckbeard.transport.TransportException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the passphrase of a protected identity file comes from: {@code NECKBEARD_SSH_PASSPHRASE},
 * else the run's {@link PassphrasePrompt}. A roll connects to many nodes from many threads at once;
 * the prompt is asked under one lock, at most once per file for the whole run (up to three tries
 * when the answer is wrong, as ssh gives), and the answer kept for every later connection. A file
 * whose tries all failed is not asked for again: its other connections fail at once. A passphrase
 * is never logged nor put in a message.
 */
public final class Passphrases {
    static final String VARIABLE = "NECKBEARD_SSH_PASSPHRASE";
    private static final int TRIES = 3;
    private static volatile Passphrases run = new Passphrases(PassphrasePrompt.NONE);

    private final PassphrasePrompt prompt;
    /** Guarded by {@code this}: held for the whole question, so a second thread waits for the first one's answer. */
    private final Map<Path, byte[]> typed = new HashMap<>();
    private final Set<Path> refused = new HashSet<>();

    Passphrases(PassphrasePrompt prompt) {
        this.prompt = prompt;
    }

    /** Makes {@code prompt} the one every SSH connection of this process asks (the CLI sets it at start). */
    public static void askWith(PassphrasePrompt prompt) {
        run = new Passphrases(prompt);
    }

    /** The process's passphrases, asked with the prompt of {@link #askWith} ({@link PassphrasePrompt#NONE} until then). */
    static Passphrases ofRun() {
        return run;
    }

    /**
     * The passphrase that decrypts {@code key} (read from {@code file}); {@code key} is decrypted by it.
     *
     * @throws io.neckbeard.transport.TransportException (exit 2) for a wrong passphrase, or when there is none to use
     */
    byte[] unlock(Path file, KeyPair key, SshSettings settings, Function<String, String> environment) {
        String variable = environment.apply(VARIABLE);
        if (variable != null) {
            byte[] passphrase = variable.getBytes(StandardCharsets.UTF_8);
            if (!key.decrypt(passphrase)) {
                throw wrong(file, settings, "check " + VARIABLE + ", or add the key to ssh-agent (ssh-add " + file + ")");
            }
            return passphrase;
        }
        synchronized (this) {
            byte[] known = typed.get(file);
            if (known != null && key.decrypt(known)) {
                return known;
            }
            if (refused.contains(file)) {
                throw wrong(file, settings, retry(file));
            }
            for (int attempt = 0; attempt < TRIES; attempt++) {
                char[] answer = prompt.ask(settings.mask(file.toString()), attempt > 0);
                if (answer == null) {
                    throw settings.failure(ExitCode.USAGE, "the SSH identity file " + file + " (ssh.identity_file) is protected "
                            + "by a passphrase, and there is no ssh-agent holding it nor a terminal to ask for it (standard "
                            + "input is not a terminal)", "add it to ssh-agent (ssh-add " + file + "), or set " + VARIABLE
                            + " in the environment", null);
                }
                byte[] passphrase = utf8(answer);
                if (key.decrypt(passphrase)) {
                    typed.put(file, passphrase);
                    return passphrase;
                }
                Arrays.fill(passphrase, (byte) 0);
            }
            refused.add(file);
            throw wrong(file, settings, retry(file));
        }
    }

    private static String retry(Path file) {
        return "run the command again and type the passphrase of " + file + ", or add the key to ssh-agent (ssh-add " + file + ")";
    }

    private static TransportException wrong(Path file, SshSettings settings, String remedy) {
        return settings.failure(ExitCode.USAGE, "the passphrase for the SSH identity file " + file + " (ssh.identity_file) is wrong",
                remedy, null);
    }

    /** The typed characters as UTF-8, wiping them and every copy but the result. */
    private static byte[] utf8(char[] answer) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(answer));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        Arrays.fill(answer, '\0');
        return bytes;
    }
}

package io.neckbeard.transport.ssh;

/**
 * Asks the person running Neckbeard for the passphrase of an SSH identity file, when neither the
 * ssh-agent nor {@code NECKBEARD_SSH_PASSPHRASE} has it. The CLI's asks on the terminal; see
 * {@link Passphrases#askWith}. Called with no other question open (one at a time for the whole run).
 */
@FunctionalInterface
public interface PassphrasePrompt {
    /** Nobody to ask: a passphrase-protected key needs the agent or the variable. */
    PassphrasePrompt NONE = (identityFile, again) -> null;

    /**
     * @param identityFile the file as messages show it (a setting read from {@code ${env:VAR}} shows as written)
     * @param again        whether the passphrase typed last for it was wrong
     * @return what was typed (the caller wipes it), or null when there is nobody to ask (no terminal)
     */
    char[] ask(String identityFile, boolean again);
}

package io.neckbeard.transport.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import io.neckbeard.core.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Vector;
import java.util.function.Function;

/**
 * The keys a session offers, as OpenSSH does: the ssh-agent's ({@code SSH_AUTH_SOCK}) first, then
 * the identity files. A passphrase-protected file is used through the agent when the agent holds
 * its key; otherwise its passphrase comes from {@link Passphrases} ({@code NECKBEARD_SSH_PASSPHRASE},
 * or asked once per file for the whole run).
 */
final class Identities implements IdentityRepository {
    private static final Logger LOG = LoggerFactory.getLogger(Identities.class);

    private final List<Identity> agentKeys;
    private final List<Identity> fileKeys;

    private Identities(List<Identity> agentKeys, List<Identity> fileKeys) {
        this.agentKeys = agentKeys;
        this.fileKeys = fileKeys;
    }

    /** @param environment reads {@code SSH_AUTH_SOCK} and {@code NECKBEARD_SSH_PASSPHRASE} */
    static Identities load(SshSettings settings, Function<String, String> environment, Passphrases passphrases) {
        List<Identity> agentKeys = agentKeys(environment.apply("SSH_AUTH_SOCK"));
        List<Path> files = settings.identities();
        if (files.isEmpty() && agentKeys.isEmpty()) {
            throw settings.failure(ExitCode.USAGE, "no SSH identity to log in with: no ssh.identity_file, no default key and no ssh-agent",
                    "set ssh.identity_file in the node's params, create ~/.ssh/id_ed25519 (ssh-keygen -t ed25519), or add a key "
                            + "to ssh-agent (ssh-add)", null);
        }
        JSch jsch = new JSch();
        for (Path file : files) {
            try {
                KeyPair key = KeyPair.load(jsch, file.toString());
                if (!key.isEncrypted()) {
                    jsch.addIdentity(file.toString());
                } else if (!heldBy(agentKeys, key)) {
                    jsch.addIdentity(file.toString(), passphrases.unlock(file, key, settings, environment));
                }
                key.dispose();
            } catch (JSchException e) {
                throw settings.failure(ExitCode.USAGE, "cannot read the SSH identity file " + file + " (ssh.identity_file): "
                        + e.getMessage(), "point ssh.identity_file at an OpenSSH private key (ed25519, ecdsa or RSA); for a "
                        + "key with a passphrase, add it to ssh-agent or set " + Passphrases.VARIABLE, e);
            }
        }
        return new Identities(agentKeys, List.copyOf(jsch.getIdentityRepository().getIdentities()));
    }

    private static List<Identity> agentKeys(String socket) {
        if (socket == null || socket.isBlank()) {
            return List.of();
        }
        try {
            SSHAgentConnector agent = new SSHAgentConnector(new UnixDomainSocketFactory(), Path.of(socket));
            return List.copyOf(new AgentIdentityRepository(agent).getIdentities());
        } catch (AgentProxyException | RuntimeException e) {
            LOG.debug("the ssh-agent at SSH_AUTH_SOCK cannot be used: {}", e.getMessage());
            return List.of();
        }
    }

    private static boolean heldBy(List<Identity> agentKeys, KeyPair key) {
        byte[] blob = key.getPublicKeyBlob();
        return blob != null && agentKeys.stream().anyMatch(held -> Arrays.equals(held.getPublicKeyBlob(), blob));
    }

    /** The keys in the order offered, for messages: the agent's, then each file's. */
    String describe(List<Path> files) {
        List<String> sources = new ArrayList<>();
        if (!agentKeys.isEmpty()) {
            sources.add("the ssh-agent's " + agentKeys.size() + " key(s)");
        }
        files.forEach(file -> sources.add(file.toString()));
        return String.join(", ", sources);
    }

    @Override
    public String getName() {
        return "neckbeard";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(agentKeys);
        all.addAll(fileKeys);
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // the keys are fixed for the transport's life
    }
}

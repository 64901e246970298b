package io.neckbeard.transport.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks a host's key against a known_hosts file, like OpenSSH's {@code StrictHostKeyChecking=yes}
 * (or {@code accept-new} when asked: an unknown key is added, a changed one still refused), and
 * remembers why it refused a key, so the caller can say so. JSch runs with
 * {@code StrictHostKeyChecking=yes} over it: whatever this does not call OK is refused.
 */
final class HostKeys implements HostKeyRepository {
    /** What was refused: {@code unknown} or {@code changed}, with the key's fingerprint; null while nothing was. */
    record Refusal(String kind, String fingerprint) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HostKeys.class);

    private final JSch jsch;
    private final HostKeyRepository knownHosts;
    private final SshSettings settings;
    private final Path file;
    private final boolean acceptNew;
    private volatile Refusal refusal;

    /** The rules of {@code settings}: its {@code known_hosts} and {@code host_key_checking}. */
    HostKeys(JSch jsch, SshSettings settings) throws JSchException {
        this.jsch = jsch;
        this.settings = settings;
        this.file = settings.knownHosts();
        this.acceptNew = settings.acceptNewHostKeys();
        // JSch reads a missing file as an empty one
        jsch.setKnownHosts(file.toString());
        this.knownHosts = jsch.getHostKeyRepository();
    }

    @Override
    public int check(String host, byte[] key) {
        int result = knownHosts.check(host, key);
        if (result == NOT_INCLUDED && acceptNew) {
            try {
                append(new HostKey(host, key));
            } catch (IOException e) {
                // as ssh does: the key was accepted for this connection, only remembering it failed
                LOG.warn(settings.mask("could not add the host key of " + host + " to " + file + ": " + e.getMessage()));
            } catch (JSchException e) {
                refusal = new Refusal("unknown", "(unreadable key: " + e.getMessage() + ")");
                return NOT_INCLUDED;
            }
            return OK;
        }
        if (result != OK) {
            refusal = new Refusal(result == CHANGED ? "changed" : "unknown", fingerprint(host, key));
        }
        return result;
    }

    /**
     * Appends the key's line, as ssh does: JSch's own {@code add} rewrites the whole file from what
     * it read, and would lose the keys that other nodes of the same roll appended meanwhile.
     */
    private void append(HostKey key) throws IOException {
        synchronized (HostKeys.class) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            String line = key.getHost() + " " + key.getType() + " " + key.getKey() + "\n";
            if (Files.size(file.toAbsolutePath()) > 0 && !Files.readString(file).endsWith("\n")) {
                line = "\n" + line;
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private String fingerprint(String host, byte[] key) {
        try {
            return new HostKey(host, key).getFingerPrint(jsch);
        } catch (JSchException e) {
            return "(unreadable key: " + e.getMessage() + ")";
        }
    }

    Refusal refusal() {
        return refusal;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Only check() adds, under accept-new: JSch itself never adds a key under StrictHostKeyChecking=yes.
    }

    @Override
    public void remove(String host, String type) {
        knownHosts.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        knownHosts.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}

package io.neckbeard.transport.ssh;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * Checks the host's key against a known_hosts file, like OpenSSH's {@code StrictHostKeyChecking=yes}
 * (or {@code accept-new} when asked), and remembers why it refused a key, so the caller can say so.
 */
final class HostKeys implements ServerKeyVerifier {
    /** What was refused: {@code unknown} or {@code changed}, with the key's fingerprint; null while nothing was. */
    record Refusal(String kind, String fingerprint) {
    }

    private final KnownHostsServerKeyVerifier knownHosts;
    private volatile Refusal refusal;

    HostKeys(Path knownHostsFile, boolean acceptNew) {
        ServerKeyVerifier unknown = (session, address, key) -> {
            if (!acceptNew) {
                refusal = new Refusal("unknown", KeyUtils.getFingerPrint(key));
            }
            return acceptNew;
        };
        this.knownHosts = new KnownHostsServerKeyVerifier(unknown, knownHostsFile);
        this.knownHosts.setModifiedServerKeyAcceptor(this::refuseChanged);
    }

    private boolean refuseChanged(ClientSession session, SocketAddress address, KnownHostEntry entry, PublicKey expected,
                                  PublicKey actual) {
        refusal = new Refusal("changed", KeyUtils.getFingerPrint(actual));
        return false;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress address, PublicKey key) {
        return knownHosts.verifyServerKey(session, address, key);
    }

    Refusal refusal() {
        return refusal;
    }
}

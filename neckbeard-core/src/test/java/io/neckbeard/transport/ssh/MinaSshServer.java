package io.neckbeard.transport.ssh;

import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SSH server inside the test: Apache MINA SSHD on 127.0.0.1 (or another loopback address) with a random port, a host key
 * and a client key generated for the test, public-key authentication only, and every command run
 * by {@code /bin/sh -c} as a real process of this machine.
 */
public final class MinaSshServer implements AutoCloseable {
    private final SshServer server;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final String host;
    private final AtomicInteger execChannels = new AtomicInteger();
    private final AtomicInteger keepalives = new AtomicInteger();
    private volatile boolean answersKeepalives = true;

    public MinaSshServer() throws IOException, GeneralSecurityException {
        this(generate("ssh-ed25519", 256));
    }

    /** A server standing for a host of its own on this machine: it listens on {@code host}, an address of 127.0.0.0/8. */
    public MinaSshServer(String host) throws IOException, GeneralSecurityException {
        this(generate("ssh-ed25519", 256), host);
    }

    /** Another server with a host key of its own that lets in the same client as {@code other}. */
    MinaSshServer(MinaSshServer other) throws IOException, GeneralSecurityException {
        this(other.clientKey);
    }

    /**
     * Another server on {@code host} (an address of 127.0.0.0/8) and {@code port} (0: any), with a
     * host key of its own, that lets in the same client as {@code other}: several nodes' hosts
     * reached with one identity, on one port.
     */
    public MinaSshServer(String host, int port, MinaSshServer other) throws IOException, GeneralSecurityException {
        this(other.clientKey, host, port);
    }

    private MinaSshServer(KeyPair clientKey) throws IOException, GeneralSecurityException {
        this(clientKey, "127.0.0.1");
    }

    private MinaSshServer(KeyPair clientKey, String host) throws IOException, GeneralSecurityException {
        this(clientKey, host, 0);
    }

    private MinaSshServer(KeyPair clientKey, String host, int port) throws IOException, GeneralSecurityException {
        if (!host.startsWith("127.")) {
            throw new IllegalArgumentException("test SSH servers listen on loopback only, not on " + host);
        }
        this.hostKey = generate("ssh-ed25519", 256);
        this.clientKey = clientKey;
        this.host = host;
        server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setCommandFactory((channel, command) -> {
            execChannels.incrementAndGet();
            return new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel);
        });
        List<RequestHandler<ConnectionService>> globalRequests = new ArrayList<>();
        globalRequests.add(this::keepalive);
        globalRequests.addAll(server.getGlobalRequestHandlers());
        server.setGlobalRequestHandlers(globalRequests);
        server.start();
    }

    /** Counts a client's keepalive ({@code keepalive@jcraft.com}, {@code keepalive@openssh.com}); a silent server leaves it unanswered. */
    private RequestHandler.Result keepalive(ConnectionService connection, String request, boolean wantReply,
                                            Buffer buffer) {
        if (!request.startsWith("keepalive@")) {
            return RequestHandler.Result.Unsupported;
        }
        keepalives.incrementAndGet();
        return answersKeepalives ? RequestHandler.Result.ReplyFailure : RequestHandler.Result.Replied;
    }

    public static KeyPair generate(String type, int bits) throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(type, bits);
    }

    public int port() {
        return server.getPort();
    }

    /** How many commands (exec channels) clients have run so far. */
    public int execChannels() {
        return execChannels.get();
    }

    /** How many keepalives clients have sent so far. */
    int keepalives() {
        return keepalives.get();
    }

    /** From now on, keepalives get no answer: the server looks like a host whose network went away. */
    void stopAnsweringKeepalives() {
        answersKeepalives = false;
    }

    int activeSessions() {
        return server.getActiveSessions().size();
    }

    /** Writes the client key in OpenSSH format with mode 0600, as ssh-keygen would. */
    public Path writeIdentity(Path file) throws IOException, GeneralSecurityException {
        return writeIdentity(clientKey, file);
    }

    /** Writes the client key as {@link #writeIdentity(Path)} does, protected by {@code passphrase} (aes256-ctr, bcrypt), as {@code ssh-keygen -N} would. */
    public Path writeIdentity(Path file, String passphrase) throws IOException, GeneralSecurityException {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setCipherName(OpenSSHKeyEncryptionContext.AES);
        encryption.setCipherType("256");
        encryption.setPassword(passphrase);
        return writeIdentity(clientKey, file, encryption);
    }

    static Path writeIdentity(KeyPair key, Path file) throws IOException, GeneralSecurityException {
        return writeIdentity(key, file, null);
    }

    private static Path writeIdentity(KeyPair key, Path file, OpenSSHKeyEncryptionContext encryption)
            throws IOException, GeneralSecurityException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", encryption, out);
        }
        return file;
    }

    /** A known_hosts file holding this server's key. */
    public Path writeKnownHosts(Path file) throws IOException {
        return writeKnownHosts(hostKey, file);
    }

    /** A known_hosts file claiming the server has {@code key}. */
    Path writeKnownHosts(KeyPair key, Path file) throws IOException {
        Files.writeString(file, knownHostsLine(key));
        return file;
    }

    /** This server's line of a known_hosts file ({@code [host]:port key}), to gather several servers in one file. */
    public String knownHostsLine() {
        return knownHostsLine(hostKey);
    }

    private String knownHostsLine(KeyPair key) {
        return "[" + host + "]:" + port() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n";
    }

    public SshSettings settings(Path identity, Path knownHosts) {
        return SshSettings.of(Map.of("ssh", Map.of("port", port(), "identity_file", identity.toString(),
                "known_hosts", knownHosts.toString())));
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}

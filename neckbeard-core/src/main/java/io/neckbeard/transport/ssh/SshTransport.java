package io.neckbeard.transport.ssh;

import io.neckbeard.core.ExitCode;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Commands;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static io.neckbeard.stack.ShellQuote.quote;

/**
 * Runs commands on a server over SSH (Apache MINA SSHD): one session per transport, opened on first
 * use, reused by every command and closed by {@link #close}. Files travel over exec channels
 * ({@code cat}, {@code tar}), so the server needs no SFTP subsystem. Host keys are checked against
 * known_hosts (see {@link HostKeys}).
 */
public final class SshTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(SshTransport.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** A copy gets this long; a command its caller's timeout. */
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);
    /**
     * After the exit status arrives, how long to wait for the rest of the output: OpenSSH keeps the
     * channel open while a background process holds stdout, and that must not hold up the caller.
     */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    /** How long to wait for the exit status of a command that stopped reading its input. */
    private static final Duration EARLY_EXIT_WAIT = Duration.ofSeconds(5);
    /** A dead network is noticed after this many keepalives go unanswered, one every HEARTBEAT. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEAT_MISSES = 4;
    /** Reads the whole script, then runs it: the command sees an empty stdin, as a local one sees /dev/null. */
    private static final String SCRIPT_FROM_STDIN = "/bin/sh -c 'eval \"$(cat)\"'";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String host;
    private final SshSettings settings;
    private SshClient client;
    private ClientSession session;

    public SshTransport(String host, SshSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    @Override
    public CommandResult run(String command, Map<String, String> environment, Duration timeout, Consumer<String> output) {
        StringBuilder script = new StringBuilder();
        environment.forEach((name, value) -> {
            if (!VARIABLE.matcher(name).matches()) {
                throw failure(ExitCode.USAGE, "'" + name + "' is not a valid environment variable name (for "
                        + describe() + ")", "use letters, digits and underscores, not starting with a digit", null);
            }
            script.append("export ").append(name).append('=').append(quote(value)).append('\n');
        });
        script.append(command);
        byte[] stdin = script.toString().getBytes(StandardCharsets.UTF_8);
        // The script goes on stdin, not on the command line, which every user of the host can read (ps, /proc/*/cmdline).
        return exec(SCRIPT_FROM_STDIN, out -> out.write(stdin), timeout, output, Commands.firstLine(command));
    }

    @Override
    public void upload(Path local, String remotePath) {
        String target = quote(remotePath);
        CommandResult result;
        if (Files.isDirectory(local)) {
            result = exec("/bin/sh -c " + quote("mkdir -p " + target + " && tar -xf - -C " + target), out -> TarStream.write(local, out),
                    COPY_TIMEOUT, line -> { }, "upload of " + local);
        } else {
            String mode = Integer.toOctalString(modeOf(local));
            result = exec("/bin/sh -c " + quote("mkdir -p \"$(dirname " + target + ")\" && cat > " + target + " && chmod " + mode + " " + target),
                    out -> Files.copy(local, out), COPY_TIMEOUT, line -> { }, "upload of " + local);
        }
        if (!result.succeeded()) {
            throw failure(ExitCode.FAILED, "cannot copy " + local + " to " + remotePath + " on " + describe() + ": "
                    + result.outputTail(), "check that " + settings.user() + " may write there and the disk is not full", null);
        }
    }

    private int modeOf(Path local) {
        try {
            return TarStream.mode(local);
        } catch (IOException e) {
            throw failure(ExitCode.FAILED, "cannot read " + local + " to copy it to " + describe() + ": " + e.getMessage(),
                    "check that it exists and is readable", e);
        }
    }

    /**
     * Written to a temporary file that mktemp creates with mode 0600, then chmod and renamed: never readable by others
     * in between. Missing directories get the login's umask (0755 under the usual 022), as a local write's do.
     */
    @Override
    public void write(String remotePath, byte[] content, int mode) {
        String target = quote(remotePath);
        String command = "dir=\"$(dirname " + target + ")\" && mkdir -p \"$dir\""
                + " && tmp=\"$(mktemp \"$dir/.neckbeard.XXXXXX\")\" && cat > \"$tmp\" && chmod " + Integer.toOctalString(mode)
                + " \"$tmp\" && mv -f \"$tmp\" " + target;
        CommandResult result = exec("/bin/sh -c " + quote(command), out -> out.write(content), COPY_TIMEOUT, line -> { },
                "write of " + remotePath);
        if (!result.succeeded()) {
            throw failure(ExitCode.FAILED, "cannot write " + remotePath + " on " + describe() + ": " + result.outputTail(),
                    "check that " + settings.user() + " may write there and the disk is not full", null);
        }
    }

    /**
     * The OpenSSH client command line that logs in to this node with the same settings and the
     * same host key rules (for {@code neckbeard ssh}), followed by {@code remoteCommand} when not empty.
     * The host comes after {@code --}, so a host such as {@code -oProxyCommand=...} cannot be read as an
     * option. The remote words are passed as ssh passes them: joined with spaces into one command line
     * for the node's shell, as {@code neckbeard run} does ({@code -- 'tail -f log | grep x'} works).
     */
    public List<String> sshCommand(List<String> remoteCommand) {
        List<String> command = new ArrayList<>(List.of("ssh", "-p", Integer.toString(settings.port()), "-l", settings.user()));
        if (settings.identityFile() != null) {
            command.addAll(List.of("-i", settings.identityFile().toString()));
        }
        command.addAll(List.of("-o", "StrictHostKeyChecking=" + (settings.acceptNewHostKeys() ? "accept-new" : "yes"),
                "-o", "UserKnownHostsFile=" + settings.knownHosts(),
                "-o", "ConnectTimeout=" + Math.max(1, settings.connectTimeout().toSeconds()), "--", host));
        command.addAll(remoteCommand);
        return command;
    }

    @Override
    public String describe() {
        return settings.mask(settings.user() + "@" + host + ":" + settings.port());
    }

    /** Every failure is made here: a setting read from {@code ${env:VAR}} is named in it, never its value. */
    private TransportException failure(ExitCode exitCode, String message, String remedy, Throwable cause) {
        return new TransportException(exitCode, settings.mask(message), settings.mask(remedy), cause);
    }

    @Override
    public synchronized void close() {
        try {
            if (session != null) {
                session.close(false);
            }
        } finally {
            if (client != null) {
                client.stop();
            }
            session = null;
            client = null;
        }
    }

    /** What a command reads on stdin; null for nothing (stdin is closed at once, like /dev/null). */
    private interface Input {
        void writeTo(OutputStream out) throws IOException;
    }

    private CommandResult exec(String command, Input input, Duration timeout, Consumer<String> output, String what) {
        ClientSession current = session();
        RemoteOutput lines = new RemoteOutput(Commands.TAIL_LINES);
        try (ChannelExec channel = current.createExecChannel(command)) {
            channel.setOut(lines);
            channel.setErr(lines);
            channel.open().verify(settings.connectTimeout());
            try (OutputStream stdin = channel.getInvertedIn()) {
                if (input != null) {
                    input.writeTo(stdin);
                }
            } catch (IOException e) {
                // The command may have exited before reading all its input (e.g. mkdir refused): then its status and
                // output say why; a command that exited 0 without its whole input, or none, is a lost connection.
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), EARLY_EXIT_WAIT);
                Integer status = channel.getExitStatus();
                if (status == null || status == 0) {
                    throw e;
                }
                LOG.debug("the command on {} exited with {} before reading all its input: {}", describe(), status, what);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<ClientChannelEvent> events = Set.of();
            while (!events.contains(ClientChannelEvent.CLOSED) && !events.contains(ClientChannelEvent.EXIT_STATUS)) {
                events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), POLL);
                lines.drainTo(output);
                if (System.nanoTime() >= deadline && !events.contains(ClientChannelEvent.EXIT_STATUS)) {
                    channel.close(true);
                    throw failure(ExitCode.FAILED, "command on " + describe() + " did not finish within " + timeout.toSeconds()
                            + "s and its channel was closed: " + what, "raise the timeout or look at what the command waits for", null);
                }
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EOF), OUTPUT_GRACE);
            Integer status = channel.getExitStatus();
            String tail = lines.finish(output);
            if (status == null) {
                throw failure(ExitCode.FAILED, "the connection to " + describe() + " ended before the command did: " + what,
                        "check the host and its sshd, then run the command again", null);
            }
            return new CommandResult(status, tail);
        } catch (IOException e) {
            throw failure(ExitCode.FAILED, "lost the SSH connection to " + describe() + " during the " + what + ": " + e.getMessage(),
                    "check the host and its sshd, then run the command again", e);
        }
    }

    private synchronized ClientSession session() {
        if (session != null && session.isOpen()) {
            return session;
        }
        List<KeyPair> identities = identities();
        if (client == null) {
            client = SshClient.setUpDefaultClient();
            // Only the node's ssh: settings count, as documented: ~/.ssh/config is not read.
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEAT_MISSES);
            client.start();
        }
        HostKeys hostKeys = new HostKeys(settings.knownHosts(), settings.acceptNewHostKeys());
        client.setServerKeyVerifier(hostKeys);
        ClientSession opened;
        try {
            opened = client.connect(settings.user(), host, settings.port()).verify(settings.connectTimeout()).getSession();
        } catch (IOException e) {
            throw failure(ExitCode.FAILED, "cannot connect to " + describe() + ": " + reason(e),
                    "check that the host is up, sshd listens on port " + settings.port() + " (ssh.port) and no firewall blocks it", e);
        }
        try {
            identities.forEach(opened::addPublicKeyIdentity);
            opened.auth().verify(settings.connectTimeout());
        } catch (IOException e) {
            opened.close(true);
            HostKeys.Refusal refusal = hostKeys.refusal();
            if (refusal != null) {
                throw hostKeyRefused(refusal);
            }
            throw failure(ExitCode.FAILED, "cannot log in to " + describe() + " with " + settings.identities() + ": " + reason(e),
                    "add the matching public key to ~" + settings.user() + "/.ssh/authorized_keys on " + host
                            + ", or set ssh.user and ssh.identity_file", e);
        }
        LOG.debug("SSH session open to {}", describe());
        session = opened;
        return opened;
    }

    private TransportException hostKeyRefused(HostKeys.Refusal refusal) {
        String hostPort = settings.port() == 22 ? host : "[" + host + "]:" + settings.port();
        String keyscan = "ssh-keyscan -p " + settings.port() + " " + host + " >> " + settings.knownHosts();
        if (refusal.kind().equals("changed")) {
            return failure(ExitCode.USAGE, "the SSH host key of " + host + ":" + settings.port() + " has CHANGED: it now "
                    + "offers " + refusal.fingerprint() + ", which does not match " + settings.knownHosts()
                    + " (the host was rebuilt, or someone is intercepting the connection)",
                    "if you know the host was rebuilt, verify the new fingerprint on its console, then run: ssh-keygen -R '"
                            + hostPort + "' -f " + settings.knownHosts() + " && " + keyscan, null);
        }
        return failure(ExitCode.USAGE, "the SSH host key of " + host + ":" + settings.port() + " is unknown: "
                + refusal.fingerprint() + " is not in " + settings.knownHosts(),
                "verify the fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run: " + keyscan
                        + " (or set ssh.host_key_checking: accept-new to trust first use)", null);
    }

    private List<KeyPair> identities() {
        List<Path> files = settings.identities();
        if (files.isEmpty()) {
            throw failure(ExitCode.USAGE, "no SSH identity file to log in to " + describe(),
                    "set ssh.identity_file in the node's params, or create ~/.ssh/id_ed25519 (ssh-keygen -t ed25519)", null);
        }
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null).forEach(keys::add);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw failure(ExitCode.USAGE, "cannot read the SSH identity file " + file + " (ssh.identity_file): "
                        + reason(e), "point ssh.identity_file at an unencrypted OpenSSH private key (ed25519, ecdsa or RSA)", e);
            }
        }
        return keys;
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

}

package io.neckbeard.transport.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import io.neckbeard.core.ExitCode;
import io.neckbeard.transport.CommandResult;
import io.neckbeard.transport.Commands;
import io.neckbeard.transport.NodeFile;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static io.neckbeard.transport.ShellQuote.quote;

/**
 * Runs commands on a server over SSH (JSch): one session per transport, opened on first use
 * (through the bastion's session when {@code ssh.bastion} is set), reused by every command and
 * closed by {@link #close}. Files travel over exec channels ({@code cat}, {@code tar}), so the
 * server needs no SFTP subsystem. Host keys are checked against known_hosts (see {@link HostKeys});
 * the keys offered are the ssh-agent's and the identity files (see {@link Identities}).
 */
public final class SshTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(SshTransport.class);
    /**
     * How often a running command is looked at: soon at first (most commands are short), then every 50 ms;
     * soon again after its output, or the end of it, arrives (its exit status follows the end of its output).
     */
    private static final long FIRST_POLL_MILLIS = 1;
    private static final long POLL_MILLIS = 50;
    /** A copy gets this long; a command its caller's timeout. */
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);
    /**
     * After the exit status arrives, how long to wait for the rest of the output: OpenSSH keeps the
     * channel open while a background process holds stdout, and that must not hold up the caller.
     */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    private static final long GRACE_POLL_MILLIS = 10;
    /** How long to wait for the exit status of a command that stopped reading its input. */
    private static final Duration EARLY_EXIT_WAIT = Duration.ofSeconds(5);
    /** How long the kill of a timed-out command's process group may take. */
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);
    /** A dead network is noticed after this many keepalives go unanswered, one every HEARTBEAT. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEAT_MISSES = 4;
    /** Reads the whole script, then runs it: the command sees an empty stdin, as a local one sees /dev/null. */
    private static final String SCRIPT_FROM_STDIN = "eval \"$(cat)\"";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String host;
    private final SshSettings settings;
    private final Function<String, String> environment;
    private final Duration heartbeat;
    private Session bastion;
    private Session session;

    public SshTransport(String host, SshSettings settings) {
        this(host, settings, System::getenv);
    }

    /** @param environment where {@code SSH_AUTH_SOCK} and {@code NECKBEARD_SSH_PASSPHRASE} are read */
    SshTransport(String host, SshSettings settings, Function<String, String> environment) {
        this(host, settings, environment, HEARTBEAT);
    }

    /** @param heartbeat how often a keepalive goes to the server (a test's is short, to see a silent server dropped) */
    SshTransport(String host, SshSettings settings, Function<String, String> environment, Duration heartbeat) {
        this.host = host;
        this.settings = settings;
        this.environment = environment;
        this.heartbeat = heartbeat;
    }

    @Override
    public CommandResult run(String command, Map<String, String> environment, Duration timeout, Consumer<String> output) {
        return run(command, environment, null, timeout, output);
    }

    /**
     * With {@code stdin}, the script is followed on the channel's input by a line no script holds
     * (a fresh marker); the shell reads the script up to it line by line, which never reads past it,
     * and the command then reads the rest: {@code stdin}, copied on a thread of its own.
     */
    @Override
    public CommandResult run(String command, Map<String, String> environment, InputStream stdin, Duration timeout,
                             Consumer<String> output) {
        String script = exports(environment) + command;
        // The script goes on stdin, not on the command line, which every user of the host can read (ps, /proc/*/cmdline).
        if (stdin == null) {
            byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
            return exec(ProcessGroup.command(SCRIPT_FROM_STDIN), out -> out.write(bytes), null, true, timeout, output,
                    Commands.firstLine(command));
        }
        String marker = endOfScript();
        byte[] bytes = (script + "\n" + marker + "\n").getBytes(StandardCharsets.UTF_8);
        return exec(ProcessGroup.command(readUpTo(marker)), out -> out.write(bytes), stdin, true, timeout, output,
                Commands.firstLine(command));
    }

    /** {@code export NAME='value'} lines, each name checked. */
    private String exports(Map<String, String> environment) {
        StringBuilder script = new StringBuilder();
        environment.forEach((name, value) -> {
            if (!VARIABLE.matcher(name).matches()) {
                throw failure(ExitCode.USAGE, "'" + name + "' is not a valid environment variable name (for "
                        + describe() + ")", "use letters, digits and underscores, not starting with a digit", null);
            }
            script.append("export ").append(name).append('=').append(quote(value)).append('\n');
        });
        return script.toString();
    }

    private static String endOfScript() {
        return "neckbeard-end-of-script-" + UUID.randomUUID();
    }

    /** The command that reads a script from stdin up to the {@code marker} line, then runs it with the rest of stdin. */
    private static String readUpTo(String marker) {
        return "s=; while IFS= read -r l && [ \"$l\" != " + marker + " ]; do s=\"$s$l\n\"; done; eval \"$s\"";
    }

    /**
     * One command: a script, then a tar stream of every file on its stdin, which the script unpacks to
     * a staging directory ({@code mktemp -d}: 0700) beside the first file, then moves into place in order.
     * A file gets its mode while still staged, so a secret is never readable by others; missing parent
     * directories get the login's umask (0755 under the usual 022), as {@link #write} gives them.
     */
    @Override
    public void put(List<NodeFile> files) {
        if (files.isEmpty()) {
            return;
        }
        CommandResult result = withFiles(files, placing(files), COPY_TIMEOUT, line -> { },
                "copy of " + files.size() + " files to " + files.get(0).parent());
        if (!result.succeeded()) {
            throw copyFailure(files, result.outputTail());
        }
    }

    /**
     * One command: the script of {@link #put} in a subshell of its own, then a line saying the files are in
     * place (a fresh marker), then {@code command} with its environment and an empty stdin. The output passed
     * on and the tail returned start after that line; a copy that fails runs no command. {@code timeout}
     * covers the copy too.
     */
    @Override
    public CommandResult putAndRun(List<NodeFile> files, String command, Map<String, String> environment, Duration timeout,
                                   Consumer<String> output) {
        if (files.isEmpty()) {
            return run(command, environment, timeout, output);
        }
        String placed = "neckbeard-files-in-place-" + UUID.randomUUID();
        // not "|| exit": the copy's "set -e" would be ignored inside an AND-OR list
        String script = "(\n" + placing(files) + ")\nnb_status=$?\n[ $nb_status -eq 0 ] || exit $nb_status\necho " + placed
                + "\nexec </dev/null\n" + exports(environment) + command;
        LinesAfter after = new LinesAfter(placed, output);
        CommandResult result = withFiles(files, script, timeout, after, Commands.firstLine(command));
        if (!after.seen) {
            throw copyFailure(files, result.outputTail());
        }
        String tail = result.outputTail();
        int at = tail.indexOf(placed);
        return new CommandResult(result.exitCode(), at < 0 ? tail : tail.substring(Math.min(tail.length(), at + placed.length() + 1)));
    }

    /** Passes on the lines that come after the line {@code marker}. */
    private static final class LinesAfter implements Consumer<String> {
        private final String marker;
        private final Consumer<String> output;
        private boolean seen;

        LinesAfter(String marker, Consumer<String> output) {
            this.marker = marker;
            this.output = output;
        }

        @Override
        public void accept(String line) {
            if (seen) {
                output.accept(line);
            } else {
                seen = line.equals(marker);
            }
        }
    }

    /** Runs {@code script}, which reads a tar stream of {@code files} from its stdin. */
    private CommandResult withFiles(List<NodeFile> files, String script, Duration timeout, Consumer<String> output, String what) {
        String marker = endOfScript();
        byte[] head = (script + "\n" + marker + "\n").getBytes(StandardCharsets.UTF_8);
        return exec(ProcessGroup.command(readUpTo(marker)), out -> {
            out.write(head);
            TarStream.write(files, out);
        }, null, true, timeout, output, what);
    }

    private TransportException copyFailure(List<NodeFile> files, String tail) {
        return failure(ExitCode.FAILED, "cannot copy " + String.join(", ", files.stream().map(NodeFile::path).toList()) + " to "
                + describe() + ": " + tail, "check that " + settings.user() + " may write there and the disk is not full", null);
    }

    /** The script that unpacks the tar stream on its stdin to a staging directory, then moves every file into place. */
    private String placing(List<NodeFile> files) {
        StringBuilder script = new StringBuilder("set -e\nb=" + quote(files.get(0).parent()) + "\nmkdir -p \"$b\"\n"
                + "s=$(mktemp -d \"$b/.neckbeard-put.XXXXXX\")\ntrap 'rm -rf \"$s\"' EXIT\ntar -xf - -C \"$s\"\n");
        for (int i = 0; i < files.size(); i++) {
            NodeFile file = files.get(i);
            String target = quote(file.path());
            if (file.isEmptyDirectory()) {
                script.append("rm -rf ").append(target).append("\nmkdir -p ").append(target).append('\n');
            } else if (file.local() != null && Files.isDirectory(file.local())) {
                script.append("mkdir -p ").append(target).append("\ncp -R \"$s/").append(i).append("/.\" ").append(target).append('\n');
            } else {
                int mode = file.content() != null ? file.mode() : modeOf(file.local());
                script.append("mkdir -p ").append(quote(file.parent())).append("\nchmod ").append(Integer.toOctalString(mode))
                        .append(" \"$s/").append(i).append("\"\nmv -f \"$s/").append(i).append("\" ").append(target).append('\n');
            }
        }
        return script.toString();
    }

    @Override
    public void upload(Path local, String remotePath) {
        String target = quote(remotePath);
        CommandResult result;
        if (Files.isDirectory(local)) {
            result = exec("/bin/sh -c " + quote("mkdir -p " + target + " && tar -xf - -C " + target), out -> TarStream.write(local, out),
                    null, false, COPY_TIMEOUT, line -> { }, "upload of " + local);
        } else {
            String mode = Integer.toOctalString(modeOf(local));
            result = exec("/bin/sh -c " + quote("mkdir -p \"$(dirname " + target + ")\" && cat > " + target + " && chmod " + mode + " " + target),
                    out -> Files.copy(local, out), null, false, COPY_TIMEOUT, line -> { }, "upload of " + local);
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
        CommandResult result = exec("/bin/sh -c " + quote(command), out -> out.write(content), null, false, COPY_TIMEOUT, line -> { },
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
     * The client still reads the user's {@code ~/.ssh/config}, but what is given here (host, port, user,
     * key, known_hosts, host key checking) wins over it: ssh takes an option's first value, and the
     * command line comes first.
     */
    public List<String> sshCommand(List<String> remoteCommand) {
        List<String> command = new ArrayList<>(List.of("ssh"));
        command.addAll(loginOptions(settings.user(), host, settings.port()));
        if (settings.bastion() != null) {
            // As -J does, but -J would check the bastion against ~/.ssh/known_hosts and ~/.ssh/config instead.
            Bastion jump = settings.bastion();
            List<String> proxy = new ArrayList<>(List.of("ssh"));
            proxy.addAll(loginOptions(jump.user(), jump.host(), jump.port()));
            proxy.addAll(List.of("-W", "[%h]:%p", "--", jump.host()));
            command.addAll(List.of("-o", "ProxyCommand=" + String.join(" ",
                    proxy.stream().map(word -> word.equals("[%h]:%p") ? word : quote(word.replace("%", "%%"))).toList())));
        }
        command.addAll(List.of("--", host));
        command.addAll(remoteCommand);
        return command;
    }

    /**
     * The options of an OpenSSH client that logs in as {@code user} to {@code hostName}:{@code port} with this node's
     * keys and host key rules. {@code HostName} keeps a {@code HostName} of the user's ssh config from sending the
     * client elsewhere ({@code %} escaped: ssh expands {@code %h} in it).
     */
    private List<String> loginOptions(String user, String hostName, int port) {
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-l", user));
        if (settings.identityFile() != null) {
            options.addAll(List.of("-i", settings.identityFile().toString()));
        }
        options.addAll(List.of("-o", "StrictHostKeyChecking=" + (settings.acceptNewHostKeys() ? "accept-new" : "yes"),
                "-o", "UserKnownHostsFile=" + settings.knownHosts(),
                "-o", "ConnectTimeout=" + Math.max(1, settings.connectTimeout().toSeconds()),
                "-o", "HostName=" + hostName.replace("%", "%%")));
        return options;
    }

    @Override
    public String describe() {
        return settings.mask(settings.user() + "@" + host + ":" + settings.port());
    }

    /** Every failure is made here: a setting read from {@code ${env:VAR}} is named in it, never its value. */
    private TransportException failure(ExitCode exitCode, String message, String remedy, Throwable cause) {
        return settings.failure(exitCode, message, remedy, cause);
    }

    @Override
    public void connect() {
        session();
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.disconnect();
        }
        if (bastion != null) {
            bastion.disconnect();
        }
        session = null;
        bastion = null;
    }

    /** What a command reads on stdin first. */
    private interface Input {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Runs {@code command} on its own channel, streaming its output to {@code output}: writes
     * {@code input} to its stdin, then {@code rest} when not null (on a thread of its own, so a
     * never-ending input cannot hold up the wait), then closes its stdin.
     *
     * @param grouped whether {@code command} is a {@link ProcessGroup#command}: then a timeout kills its process group
     */
    private CommandResult exec(String command, Input input, InputStream rest, boolean grouped, Duration timeout,
                               Consumer<String> output, String what) {
        Session current = session();
        RemoteOutput lines = new RemoteOutput(Commands.TAIL_LINES);
        ProcessGroup group = grouped ? new ProcessGroup(lines) : null;
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) current.openChannel("exec");
            channel.setCommand(command);
            channel.setOutputStream(lines, false); // closed at the channel's end of file: wakes the wait
            channel.setErrStream(grouped ? group : lines, true);
            OutputStream stdin = channel.getOutputStream();
            channel.connect(millis(settings.connectTimeout()));
            try {
                input.writeTo(stdin);
                if (rest == null) {
                    stdin.close();
                } else {
                    stdin.flush(); // the channel sends what it buffered only when flushed or closed
                    feed(rest, stdin);
                }
            } catch (IOException e) {
                // The command may have exited before reading all its input (e.g. mkdir refused): then its status and
                // output say why; a command that exited 0 without its whole input, or none, is a lost connection.
                await(channel, EARLY_EXIT_WAIT, lines, output);
                if (channel.getExitStatus() <= 0) {
                    throw e;
                }
                LOG.debug("the command on {} exited with {} before reading all its input: {}", describe(), channel.getExitStatus(), what);
            }
            if (!await(channel, timeout, lines, output)) {
                boolean killable = group != null && group.known();
                if (killable) {
                    kill(group, what);
                }
                throw failure(ExitCode.FAILED, "command on " + describe() + " did not finish within " + timeout.toSeconds()
                        + "s" + (killable ? " and was killed (its process group)" : " and its channel was closed") + ": "
                        + what, "raise the timeout or look at what the command waits for", null);
            }
            long grace = System.nanoTime() + OUTPUT_GRACE.toNanos();
            while (!channel.isClosed() && System.nanoTime() < grace) {
                lines.await(GRACE_POLL_MILLIS); // the channel's close closes the output too, which ends the wait
            }
            int status = channel.getExitStatus();
            String tail = lines.finish(output);
            if (status < 0) {
                throw failure(ExitCode.FAILED, "the connection to " + describe() + " ended before the command did: " + what,
                        "check the host and its sshd, then run the command again", null);
            }
            return new CommandResult(status, tail);
        } catch (IOException | JSchException e) {
            throw failure(ExitCode.FAILED, "lost the SSH connection to " + describe() + " during the " + what + ": " + reason(e),
                    "check the host and its sshd, then run the command again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ExitCode.FAILED, "interrupted while waiting for the " + what + " on " + describe(),
                    "run the command again", e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** Waits up to {@code timeout} for the command's exit status (or its channel's end), passing on its output: whether it came. */
    private static boolean await(ChannelExec channel, Duration timeout, RemoteOutput lines, Consumer<String> output)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (channel.getExitStatus() < 0 && !channel.isClosed()) {
            lines.drainTo(output);
            if (System.nanoTime() >= deadline) {
                return false;
            }
            pause = lines.await(pause) ? FIRST_POLL_MILLIS : Math.min(POLL_MILLIS, pause * 2);
        }
        lines.drainTo(output);
        return true;
    }

    private void feed(InputStream rest, OutputStream stdin) {
        Thread feeder = new Thread(() -> {
            try (stdin) {
                byte[] buffer = new byte[8192];
                for (int read = rest.read(buffer); read >= 0; read = rest.read(buffer)) {
                    stdin.write(buffer, 0, read);
                    stdin.flush(); // input arriving slowly (typed, or a pipe) reaches the command as it comes
                }
            } catch (IOException e) {
                // the command exited or closed its input before reading all of it, as it may
            }
        }, "neckbeard-stdin-" + host);
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Kills a timed-out command's process group through a second channel; a failure to do so is only logged. */
    private void kill(ProcessGroup group, String what) {
        try {
            exec(group.killCommand(), out -> { }, null, false, KILL_TIMEOUT, line -> { }, "kill of " + what);
        } catch (TransportException e) {
            LOG.warn("could not kill the timed-out command on {}: {}", describe(), e.getMessage());
        }
    }

    private synchronized Session session() {
        if (session != null && session.isConnected()) {
            return session;
        }
        close();
        Identities identities = Identities.load(settings, environment, Passphrases.ofRun());
        JSch jsch = new JSch();
        Bastion jump = settings.bastion();
        if (jump != null) {
            bastion = connect(jsch, identities, jump.user(), jump.host(), jump.port(), null, "the bastion " + jump);
        }
        session = connect(jsch, identities, settings.user(), host, settings.port(), bastion == null ? null : new Tunnel(bastion),
                describe());
        LOG.debug("SSH session open to {}", describe());
        return session;
    }

    /** @param proxy the bastion's tunnel, or null to connect directly */
    private Session connect(JSch jsch, Identities identities, String user, String hostName, int port, Proxy proxy,
                            String what) {
        HostKeys hostKeys;
        Session opened;
        try {
            hostKeys = new HostKeys(jsch, settings);
            opened = jsch.getSession(user, hostName, port);
            opened.setHostKeyRepository(hostKeys);
            opened.setIdentityRepository(identities);
            opened.setConfig("StrictHostKeyChecking", "yes");
            opened.setConfig("PreferredAuthentications", "publickey");
            // straight to publickey: the "none" request JSch sends first only asks for the methods (one round trip)
            opened.setConfig("enable_auth_none", "no");
            opened.setServerAliveInterval(millis(heartbeat));
            opened.setServerAliveCountMax(HEARTBEAT_MISSES);
            if (proxy != null) {
                opened.setProxy(proxy);
            }
        } catch (JSchException e) {
            throw failure(ExitCode.USAGE, "cannot set up SSH to " + what + ": " + reason(e), "check the node's ssh: settings", e);
        }
        try {
            opened.connect(millis(settings.connectTimeout()));
            return opened;
        } catch (JSchException e) {
            opened.disconnect();
            HostKeys.Refusal refusal = hostKeys.refusal();
            if (refusal != null) {
                throw hostKeyRefused(refusal, hostName, port);
            }
            if (String.valueOf(e.getMessage()).startsWith("Auth")) {
                throw failure(ExitCode.FAILED, "cannot log in to " + what + " with " + identities.describe(settings.identities())
                        + ": " + reason(e), "add the matching public key to ~" + user + "/.ssh/authorized_keys on " + hostName
                        + ", or set ssh.user and ssh.identity_file", e);
            }
            throw failure(ExitCode.FAILED, "cannot connect to " + what + ": " + reason(e), "check that the host is up, sshd listens on port "
                    + port + (proxy == null ? "" : " (reached through the bastion)") + " and no firewall blocks it", e);
        }
    }

    private TransportException hostKeyRefused(HostKeys.Refusal refusal, String hostName, int port) {
        String hostPort = port == 22 ? hostName : "[" + hostName + "]:" + port;
        String keyscan = "ssh-keyscan -p " + port + " " + hostName + " >> " + settings.knownHosts();
        if (refusal.kind().equals("changed")) {
            return failure(ExitCode.USAGE, "the SSH host key of " + hostName + ":" + port + " has CHANGED: it now "
                    + "offers " + refusal.fingerprint() + ", which does not match " + settings.knownHosts()
                    + " (the host was rebuilt, or someone is intercepting the connection)",
                    "if you know the host was rebuilt, verify the new fingerprint on its console, then run: ssh-keygen -R '"
                            + hostPort + "' -f " + settings.knownHosts() + " && " + keyscan, null);
        }
        return failure(ExitCode.USAGE, "the SSH host key of " + hostName + ":" + port + " is unknown: "
                + refusal.fingerprint() + " is not in " + settings.knownHosts(),
                "verify the fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run: " + keyscan
                        + " (or set ssh.host_key_checking: accept-new to trust first use)", null);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
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

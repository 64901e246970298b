package io.neckbeard.transport.ssh;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's own {@code /usr/sbin/sshd} on 127.0.0.1 (or another loopback address) and a random high port, run as the current
 * user from a temporary directory holding its config, a host key and authorized_keys made with
 * ssh-keygen. Without sshd the tests are skipped, unless {@code NECKBEARD_REQUIRE_SSHD=1}
 * (scripts/test sets it) makes that a failure.
 */
public final class OpenSshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final String host;
    private final int port;
    private final Process process;

    private OpenSshServer(Path dir, String host, int port, Process process) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.process = process;
    }

    /** @param extraConfig sshd_config lines added to the test's, e.g. {@code AllowTcpForwarding no} */
    static OpenSshServer start(Path dir, String... extraConfig) throws Exception {
        return startOn(dir, "127.0.0.1", extraConfig);
    }

    /** A server standing for a host of its own on this machine: it listens on {@code host}, an address of 127.0.0.0/8. */
    public static OpenSshServer startOn(Path dir, String host, String... extraConfig) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            String reason = SSHD + " is not installed (apt-get install openssh-server)";
            if ("1".equals(System.getenv("NECKBEARD_REQUIRE_SSHD"))) {
                Assertions.fail(reason + ", and NECKBEARD_REQUIRE_SSHD=1 requires the OpenSSH tests to run");
            }
            Assumptions.abort(reason + ": the OpenSSH tests are skipped (set NECKBEARD_REQUIRE_SSHD=1 to make this a failure)");
        }
        keygen(dir.resolve("host_ed25519"), "ed25519");
        keygen(dir.resolve("id_ed25519"), "ed25519");
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        if ("root".equals(System.getProperty("user.name"))) {
            // sshd started by root insists on its privilege separation directory
            Files.createDirectories(Path.of("/run/sshd"));
        }
        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress " + host, "HostKey " + dir.resolve("host_ed25519"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no", "StrictModes no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes", "PermitRootLogin prohibit-password", String.join("\n", extraConfig), ""));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        OpenSshServer server = new OpenSshServer(dir, host, port, process);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ": " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("sshd did not listen on " + host + ":" + port + ": " + Files.readString(dir.resolve("sshd.log")));
    }

    /** Makes a key pair with ssh-keygen: {@code file} and {@code file.pub}, no passphrase. */
    static Path keygen(Path file, String type) throws Exception {
        Process keygen = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test", "-f", file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (keygen.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + output);
        }
        return file;
    }

    /** Lets the holder of {@code key} (its {@code .pub} beside it) log in too. */
    void authorize(Path key) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")), StandardOpenOption.APPEND);
    }

    /** This sshd's line for a known_hosts file. */
    public String knownHostsLine() throws IOException {
        return "[" + host + "]:" + port + " " + Files.readString(dir.resolve("host_ed25519.pub"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The client key sshd lets in. */
    public Path identity() {
        return dir.resolve("id_ed25519");
    }

    /** A known_hosts file holding this sshd's host key. */
    Path knownHosts() throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, knownHostsLine());
        return file;
    }

    SshSettings settings() throws IOException {
        return SshSettings.of(Map.of("ssh", Map.of("port", port, "identity_file", identity().toString(),
                "known_hosts", knownHosts().toString())));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

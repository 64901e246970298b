package io.neckbeard.transport.ssh;

import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.ParamProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ssh:} block of a node's parameters: how to log in to it.
 *
 * @param identityFile    the private key (OpenSSH format, unencrypted), or null to try {@code ~/.ssh/id_ed25519},
 *                        {@code id_ecdsa} and {@code id_rsa}
 * @param acceptNewHostKeys {@code host_key_checking: accept-new}: an unknown host's key is trusted and added to
 *                        {@code knownHosts}; a changed key is still refused. Never the default.
 */
public record SshSettings(String user, int port, Path identityFile, Path knownHosts, Duration connectTimeout,
                          boolean acceptNewHostKeys) {
    public static final String BLOCK = "ssh";
    static final String STRICT = "strict";
    static final String ACCEPT_NEW = "accept-new";
    private static final Set<String> KEYS = Set.of("user", "port", "identity_file", "known_hosts", "connect_timeout",
            "host_key_checking");
    private static final String[] DEFAULT_IDENTITIES = {"id_ed25519", "id_ecdsa", "id_rsa"};

    /** The settings of a node's resolved tree; the defaults when it has no {@code ssh:} block. */
    public static SshSettings of(Map<String, Object> params) {
        List<ParamProblem> problems = validate(params);
        if (!problems.isEmpty()) {
            ParamProblem first = problems.get(0);
            throw new NeckbeardException(ExitCode.USAGE, first.message(), first.fix());
        }
        Map<?, ?> block = params.get(BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        Object user = block.get("user");
        Object port = block.get("port");
        Object identity = block.get("identity_file");
        Object knownHosts = block.get("known_hosts");
        return new SshSettings(user == null ? System.getProperty("user.name") : user.toString(),
                port == null ? 22 : portNumber(port),
                identity == null ? null : expand(identity.toString()),
                expand(knownHosts == null ? "~/.ssh/known_hosts" : knownHosts.toString()),
                Durations.parseOr(block.get("connect_timeout"), Duration.ofSeconds(10), "ssh.connect_timeout"),
                ACCEPT_NEW.equals(block.get("host_key_checking")));
    }

    /**
     * The port of a number or of digits (what {@code "${env:SSH_PORT}"} resolves to), 0 when it is
     * neither or out of range.
     */
    private static int portNumber(Object port) {
        String text = port.toString();
        if (!(port instanceof Integer || port instanceof String) || !text.matches("\\d{1,5}")) {
            return 0;
        }
        int number = Integer.parseInt(text);
        return number < 65536 ? number : 0;
    }

    /** Every problem of the {@code ssh:} block; a {@code ${...}} value passes (it is known at run time only). */
    public static List<ParamProblem> validate(Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>();
        Object value = params.get(BLOCK);
        if (value == null) {
            return problems;
        }
        if (!(value instanceof Map<?, ?> block)) {
            problems.add(new ParamProblem(BLOCK, "'ssh' must be a mapping of SSH settings",
                    "write ssh: {user: deploy, port: 22, identity_file: ~/.ssh/id_ed25519}"));
            return problems;
        }
        for (Object key : block.keySet()) {
            if (!KEYS.contains(key.toString())) {
                problems.add(new ParamProblem(BLOCK + "." + key, "unknown SSH setting '" + key + "'",
                        "use one of " + String.join(", ", KEYS.stream().sorted().toList())));
            }
        }
        Object port = block.get("port");
        if (port != null && !reference(port) && portNumber(port) == 0) {
            problems.add(new ParamProblem("ssh.port", "ssh.port must be a port number (1-65535), found " + port,
                    "write port: 22"));
        }
        for (String key : List.of("user", "identity_file", "known_hosts")) {
            Object text = block.get(key);
            if (text != null && !(text instanceof String)) {
                problems.add(new ParamProblem("ssh." + key, "ssh." + key + " must be a string, found " + text,
                        "quote the value, e.g. " + key + ": \"" + text + "\""));
            }
        }
        Object checking = block.get("host_key_checking");
        if (checking != null && !STRICT.equals(checking) && !ACCEPT_NEW.equals(checking)) {
            problems.add(new ParamProblem("ssh.host_key_checking", "ssh.host_key_checking must be strict or accept-new, found "
                    + checking, "leave it out (strict, the default) unless you verify new hosts another way"));
        }
        Object timeout = block.get("connect_timeout");
        if (timeout != null && !reference(timeout)) {
            try {
                Durations.parseOr(timeout, Duration.ZERO, "ssh.connect_timeout");
            } catch (NeckbeardException e) {
                problems.add(new ParamProblem("ssh.connect_timeout", e.getMessage(), "write a duration, e.g. connect_timeout: 10s"));
            }
        }
        return problems;
    }

    /** The identity files to offer: the configured one, else the default ones that exist. */
    List<Path> identities() {
        if (identityFile != null) {
            return List.of(identityFile);
        }
        Path dir = Path.of(System.getProperty("user.home"), ".ssh");
        List<Path> found = new ArrayList<>();
        for (String name : DEFAULT_IDENTITIES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                found.add(dir.resolve(name));
            }
        }
        return found;
    }

    private static Path expand(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static boolean reference(Object value) {
        return value instanceof String text && text.contains("${");
    }
}

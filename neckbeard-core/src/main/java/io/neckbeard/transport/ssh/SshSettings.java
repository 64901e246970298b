package io.neckbeard.transport.ssh;

import io.neckbeard.core.Durations;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.transport.TransportException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code ssh:} block of a node's parameters: how to log in to it.
 *
 * @param identityFile    the private key (OpenSSH or PEM format; one with a passphrase is unlocked as {@link Identities}
 *                        says), or null to try {@code ~/.ssh/id_ed25519}, {@code id_ecdsa} and {@code id_rsa}
 * @param acceptNewHostKeys {@code host_key_checking: accept-new}: an unknown host's key is trusted and added to
 *                        {@code knownHosts}; a changed key is still refused. Never the default.
 * @param bastion         {@code bastion: user@host[:port]}: the host to connect through (like OpenSSH's ProxyJump),
 *                        checked against the same known_hosts with the same rules; null to connect directly
 * @param secrets         the text of each setting read from {@code ${env:VAR}} (as used, and as resolved) to the
 *                        setting as written, for {@link #mask}
 */
public record SshSettings(String user, int port, Path identityFile, Path knownHosts, Duration connectTimeout,
                          boolean acceptNewHostKeys, Bastion bastion, Map<String, String> secrets) {
    public static final String BLOCK = "ssh";
    static final String STRICT = "strict";
    static final String ACCEPT_NEW = "accept-new";
    private static final Set<String> KEYS = Set.of("user", "port", "identity_file", "known_hosts", "connect_timeout",
            "host_key_checking", "bastion");
    private static final String[] DEFAULT_IDENTITIES = {"id_ed25519", "id_ecdsa", "id_rsa"};

    /** The settings of a tree without secrets (every value as written); the defaults when it has no {@code ssh:} block. */
    public static SshSettings of(Map<String, Object> params) {
        return of(ResolvedParams.plain(params));
    }

    /**
     * The settings of a node's resolved tree; the defaults when it has no {@code ssh:} block. A
     * setting read from {@code ${env:VAR}} is named, never quoted, in messages: here and, through
     * {@link #mask}, in the transport's.
     */
    public static SshSettings of(ResolvedParams params) {
        List<ParamProblem> problems = validate(params.values(), params::shown);
        if (!problems.isEmpty()) {
            ParamProblem first = problems.get(0);
            throw new NeckbeardException(ExitCode.USAGE, first.message(), first.fix());
        }
        Map<?, ?> block = params.values().get(BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        Object user = block.get("user");
        Object port = block.get("port");
        Object identity = block.get("identity_file");
        Object knownHosts = block.get("known_hosts");
        Object bastion = block.get("bastion");
        String userName = user == null ? System.getProperty("user.name") : user.toString();
        SshSettings plain = new SshSettings(userName,
                port == null ? 22 : portNumber(port),
                identity == null ? null : expand(identity.toString()),
                expand(knownHosts == null ? "~/.ssh/known_hosts" : knownHosts.toString()),
                Durations.parseOr(block.get("connect_timeout"), Duration.ofSeconds(10), "ssh.connect_timeout"),
                ACCEPT_NEW.equals(block.get("host_key_checking")),
                bastion == null ? null : Bastion.parse(bastion.toString(), userName), Map.of());
        // longest first, so a secret that contains another is replaced whole
        Map<String, String> secrets = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        hide(secrets, params, "user", user);
        hide(secrets, params, "port", port, plain.port);
        hide(secrets, params, "identity_file", identity, plain.identityFile);
        hide(secrets, params, "known_hosts", knownHosts, plain.knownHosts);
        hide(secrets, params, "bastion", bastion, plain.bastion, plain.bastion == null ? null : plain.bastion.host());
        return new SshSettings(plain.user, plain.port, plain.identityFile, plain.knownHosts, plain.connectTimeout,
                plain.acceptNewHostKeys, plain.bastion, secrets);
    }

    /** Names the settings without the values read from {@code ${env:VAR}}. */
    @Override
    public String toString() {
        return mask("SshSettings[user=" + user + ", port=" + port + ", identity_file=" + identityFile + ", known_hosts="
                + knownHosts + ", connect_timeout=" + connectTimeout + ", accept_new_host_keys=" + acceptNewHostKeys + ", bastion=" + bastion + "]");
    }

    /** Records how {@code key}'s value reads in text (as resolved, and as used) when it was read from {@code ${env:VAR}}. */
    private static void hide(Map<String, String> secrets, ResolvedParams params, String key, Object... texts) {
        String path = BLOCK + "." + key;
        if (params.secret(path)) {
            for (Object text : texts) {
                if (text != null && !text.toString().isBlank()) {
                    secrets.put(text.toString(), params.shown(path));
                }
            }
        }
    }

    /**
     * {@code text} with every setting read from {@code ${env:VAR}} replaced by the setting as
     * written: for every message that names a setting's value (and for a library's message that
     * may quote it, such as a file name).
     */
    public String mask(String text) {
        String masked = text;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            masked = masked.replace(secret.getKey(), secret.getValue());
        }
        return masked;
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

    /** Every problem of the {@code ssh:} block as written; a {@code ${...}} value passes (it is known at run time only). */
    public static List<ParamProblem> validate(Map<String, Object> params) {
        return validate(params, ResolvedParams.plain(params)::shown);
    }

    /** @param quote how a message quotes the value at a path ({@code ssh.port}): never a secret's value */
    private static List<ParamProblem> validate(Map<String, Object> params, Function<String, String> quote) {
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
            problems.add(new ParamProblem("ssh.port", "ssh.port must be a port number (1-65535), found " + quote.apply("ssh.port"),
                    "write port: 22"));
        }
        for (String key : List.of("user", "identity_file", "known_hosts", "bastion")) {
            Object text = block.get(key);
            if (text != null && !(text instanceof String)) {
                problems.add(new ParamProblem("ssh." + key, "ssh." + key + " must be a string, found " + quote.apply("ssh." + key),
                        "quote the value, e.g. " + key + ": \"" + quote.apply("ssh." + key) + "\""));
            }
        }
        Object bastion = block.get("bastion");
        if (bastion instanceof String text && !reference(bastion) && Bastion.parse(text, "user") == null) {
            problems.add(new ParamProblem("ssh.bastion", "ssh.bastion must be user@host or user@host:port, found "
                    + quote.apply("ssh.bastion"), "write bastion: deploy@bastion.example.com:22"));
        }
        Object checking = block.get("host_key_checking");
        if (checking != null && !STRICT.equals(checking) && !ACCEPT_NEW.equals(checking)) {
            problems.add(new ParamProblem("ssh.host_key_checking", "ssh.host_key_checking must be strict or accept-new, found "
                    + quote.apply("ssh.host_key_checking"), "leave it out (strict, the default) unless you verify new hosts another way"));
        }
        Object timeout = block.get("connect_timeout");
        if (timeout != null && !reference(timeout)) {
            try {
                Durations.parseOr(timeout, Duration.ZERO, "ssh.connect_timeout");
            } catch (NeckbeardException e) {
                problems.add(new ParamProblem("ssh.connect_timeout", "ssh.connect_timeout must be a duration, found "
                        + quote.apply("ssh.connect_timeout"), "write a duration, e.g. connect_timeout: 10s"));
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

    /** The failure of an SSH operation, its text masked: every failure of the transport is made here. */
    TransportException failure(ExitCode exitCode, String message, String remedy, Throwable cause) {
        return new TransportException(exitCode, mask(message), mask(remedy), cause);
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

package io.neckbeard.coordinator.yaml;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.coordinator.LockInfo;
import io.neckbeard.core.ExitCode;
import io.neckbeard.state.EnvironmentState;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import io.neckbeard.state.StateException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML form of an environment's state ({@code state.yml}) and lock ({@code lock.yml}),
 * shared by every YAML-file backend. Output is stable (fixed key order, sorted maps, ISO
 * instants, absent values left out) so that a committed state file diffs cleanly.
 * {@code version} is always the first line and {@code environment} the second, so a writer can
 * check both without parsing the rest.
 */
public final class StateYaml {
    /**
     * How many bytes at the start of a state file {@link #version} needs: the version line (at
     * most 19 digits) and the environment line (a name a backend accepts, quoted) fit with room to spare.
     */
    public static final int HEAD_BYTES = 4096;
    private static final Pattern VERSION_LINE = Pattern.compile("\\Aversion: (\\d+)\\r?\\n");
    private static final Pattern ENVIRONMENT_LINE = Pattern.compile("environment: [^\\r\\n]*(?=\\r?\\n)");
    /**
     * The most characters a state file may have. The writer refuses a state that would be longer
     * (exit 2, nothing written); the reader accepts twice as many code points, so everything
     * written reads back. The largest states in practice (1,000 generations of 50 nodes) are 17 MiB.
     */
    public static final int MAX_STATE_CHARS = 64 * 1024 * 1024;
    private static final int READ_LIMIT_CODE_POINTS = 2 * MAX_STATE_CHARS;
    /** The largest version a stored state may have: the next write stores version + 1, which must not overflow. */
    public static final long MAX_VERSION = Long.MAX_VALUE - 1;

    private StateYaml() {
    }

    public static String encode(EnvironmentState state) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", state.version());
        root.put("environment", state.environment());
        if (!state.scale().isEmpty()) {
            root.put("scale", new TreeMap<>(state.scale()));
        }
        if (!state.vars().isEmpty()) {
            root.put("vars", new TreeMap<>(state.vars()));
        }
        List<Object> generations = new ArrayList<>();
        for (Generation generation : state.generations()) {
            generations.add(encode(generation));
        }
        root.put("generations", generations);
        String text = YamlEmitter.mapping(root);
        if (text.length() > MAX_STATE_CHARS) {
            throw new CoordinatorException(ExitCode.USAGE, "the state of " + state.environment() + " would be "
                    + mebibytes(text.length()) + " MiB, over the " + mebibytes(MAX_STATE_CHARS)
                    + " MiB a state may have; nothing was written", "make it smaller: terminate old generations (neckbeard "
                    + "terminate " + state.environment() + " --old) or unset large config vars (neckbeard vars "
                    + state.environment() + " unset NAME)", null);
        }
        return text;
    }

    private static String mebibytes(long chars) {
        return String.format(Locale.ROOT, "%.1f", chars / (1024.0 * 1024.0));
    }

    /**
     * Reads a stored state.
     *
     * @param source the file or object it came from, for messages
     * @throws CoordinatorException exit 2, naming {@code source} and the line, when it does not parse
     */
    public static EnvironmentState decode(String environment, String text, String source) {
        YamlMap root = YamlMap.of(compose(text, source), source, "the state file");
        List<Generation> generations = new ArrayList<>();
        for (YamlMap generation : root.maps("generations")) {
            generations.add(generation(generation, source));
        }
        long version = checkedVersion(root.string("version"), source + ":" + root.line("version"));
        checkEnvironment(environment, root.string("environment"), source + ":" + root.line("environment"));
        try {
            return new EnvironmentState(environment, version, generations, root.counts("scale"),
                    root.strings("vars"));
        } catch (StateException e) {
            throw YamlMap.damaged(source, e.getMessage(), e);
        }
    }

    /**
     * The version of the stored state of {@code environment}, read from its first two lines only.
     *
     * @param text the state file, or at least its first {@link #HEAD_BYTES} bytes
     * @throws CoordinatorException exit 2 when the first line is not {@code version: N} with N in
     *                              range, or the second does not name {@code environment}
     */
    public static long version(String environment, String text, String source) {
        Matcher matcher = VERSION_LINE.matcher(text);
        if (!matcher.lookingAt()) {
            throw YamlMap.damaged(source + ":1", "the first line must be 'version: <number>'", null);
        }
        long version = checkedVersion(matcher.group(1), source + ":1");
        Matcher second = ENVIRONMENT_LINE.matcher(text).region(matcher.end(), text.length());
        if (!second.lookingAt()) {
            throw YamlMap.damaged(source + ":2", "the second line must be 'environment: " + environment + "'", null);
        }
        checkEnvironment(environment, YamlMap.of(compose(second.group(), source), source, "the state file")
                .string("environment"), source + ":2");
        return version;
    }

    private static long checkedVersion(String digits, String location) {
        try {
            long version = Long.parseLong(digits);
            if (version >= 0 && version <= MAX_VERSION) {
                return version;
            }
        } catch (NumberFormatException tooLong) {
            // Reported below, like a version one short of overflowing.
        }
        throw YamlMap.damaged(location, "'version' must be from 0 to " + MAX_VERSION + ", not " + digits, null);
    }

    /** A state file copied or linked from another environment would have its commands read and rewrite the other's state. */
    private static void checkEnvironment(String environment, String stored, String location) {
        if (!stored.equals(environment)) {
            throw YamlMap.damaged(location, "this file holds the state of '" + stored
                    + "', not of '" + environment + "' (a copy of or link to another environment's state file?)", null);
        }
    }

    /**
     * The text of a stored file, which neckbeard always writes as UTF-8.
     *
     * @throws CoordinatorException exit 2, naming {@code source} and the line of the first byte that is not UTF-8
     */
    public static String text(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw YamlMap.damaged(source + ":" + line, String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02x at offset %d)",
                    bytes[in.position()] & 0xff, in.position()), null);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    public static String encode(LockInfo lock) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("holder", lock.holder());
        root.put("host", lock.host());
        root.put("pid", lock.pid());
        root.put("command", lock.command());
        root.put("acquired_at", lock.acquiredAt().toString());
        root.put("expires_at", lock.expiresAt().toString());
        root.put("token", lock.token());
        return YamlEmitter.mapping(root);
    }

    public static LockInfo decodeLock(String environment, String text, String source) {
        YamlMap root = YamlMap.of(compose(text, source), source, "the lock file");
        return new LockInfo(environment, root.string("holder"), root.string("host"), root.number("pid"),
                root.string("command"), root.instant("acquired_at"), root.instant("expires_at"), root.string("token"));
    }

    private static Map<String, Object> encode(Generation generation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", generation.id());
        out.put("state", generation.state().id());
        out.put("created_at", generation.createdAt().toString());
        putIfPresent(out, "slug", generation.slug());
        putIfPresent(out, "config_digest", generation.configDigest());
        List<Object> nodes = new ArrayList<>();
        for (NodeRecord node : generation.nodes()) {
            nodes.add(encode(node));
        }
        out.put("nodes", nodes);
        return out;
    }

    private static Map<String, Object> encode(NodeRecord node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", node.name());
        out.put("type", node.type());
        putIfPresent(out, "az", node.az());
        putIfPresent(out, "provider", node.provider());
        putIfPresent(out, "resource_id", node.resourceId());
        putIfPresent(out, "address", node.address());
        putIfPresent(out, "port", node.port());
        putIfPresent(out, "url", node.url());
        putIfPresent(out, "launched_at", node.launchedAt());
        putIfPresent(out, "provisioned_slug", node.provisionedSlug());
        putIfPresent(out, "provisioned_config", node.provisionedConfig());
        if (node.lastHealth() != null) {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("healthy", node.lastHealth().healthy());
            health.put("checked_at", node.lastHealth().checkedAt().toString());
            putIfPresent(health, "detail", node.lastHealth().detail());
            out.put("last_health", health);
        }
        out.put("operational", node.operational());
        if (!node.attributes().isEmpty()) {
            out.put("attributes", new TreeMap<>(node.attributes()));
        }
        return out;
    }

    private static Generation generation(YamlMap map, String source) {
        String stateName = map.string("state");
        GenerationState state;
        try {
            state = GenerationState.valueOf(stateName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw YamlMap.damaged(source + ":" + map.line(), "generation state '" + stateName
                    + "' is not one of active, pending, old, terminated", e);
        }
        List<NodeRecord> nodes = new ArrayList<>();
        for (YamlMap node : map.maps("nodes")) {
            nodes.add(node(node));
        }
        return new Generation(map.number("id"), state, map.instant("created_at"), map.optionalString("slug"),
                map.optionalString("config_digest"), nodes);
    }

    private static NodeRecord node(YamlMap map) {
        YamlMap health = map.optionalMap("last_health");
        NodeHealth lastHealth = health == null ? null
                : new NodeHealth(health.flag("healthy"), health.instant("checked_at"), health.optionalString("detail"));
        return new NodeRecord(map.string("name"), map.string("type"), map.optionalString("az"),
                map.optionalString("provider"), map.optionalString("resource_id"), map.optionalString("address"),
                map.optionalInstant("launched_at"), map.optionalString("provisioned_slug"),
                map.optionalString("provisioned_config"), lastHealth, map.flag("operational"), map.strings("attributes"),
                map.optionalString("port") == null ? null : Math.toIntExact(map.number("port")), map.optionalString("url"));
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value instanceof Instant instant ? instant.toString() : value);
        }
    }

    private static Node compose(String text, String source) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(READ_LIMIT_CODE_POINTS);
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) {
                throw YamlMap.damaged(source + ":1", "the file is empty", null);
            }
            return node;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String location = mark == null ? source : source + ":" + (mark.getLine() + 1);
            throw YamlMap.damaged(location, "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw YamlMap.damaged(source, "not valid YAML: " + e.getMessage(), e);
        }
    }
}

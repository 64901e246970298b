package io.neckbeard.config.interpolate;

import io.neckbeard.config.merge.LeafSource;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.Suggestions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Resolves the static references of a node's merged tree: built-ins and {@code ${params.a.b}}
 * (recursively, with cycle detection). Run-time references and {@code $${} escapes stay as
 * written. The result is unmodifiable. Unknown references are reported, never thrown.
 */
public final class StaticInterpolator {

    /** Receives a problem about the leaf at {@code path}; {@code source} is null when unknown. */
    public interface ProblemSink {
        void report(String path, LeafSource source, String message, String fix);
    }

    private final NodeContext node;
    private final Map<String, Object> tree;
    private final NavigableMap<String, LeafSource> sources;
    private final ProblemSink problems;
    private final Map<String, Object> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    public StaticInterpolator(NodeContext node, Map<String, Object> tree, NavigableMap<String, LeafSource> sources,
                              ProblemSink problems) {
        this.node = node;
        this.tree = tree;
        this.sources = sources;
        this.problems = problems;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve() {
        return (Map<String, Object>) resolveAt("", tree);
    }

    private Object resolveAt(String path, Object value) {
        if (!(value instanceof Map) && !(value instanceof List) && !(value instanceof String)) {
            return value;
        }
        Object done = resolved.get(path);
        if (done != null) {
            return done;
        }
        if (!inProgress.add(path)) {
            report(path, "cyclic reference: '" + path + "' refers to itself through ${params...}",
                    "break the cycle so that no parameter refers back to itself");
            return value;
        }
        Object result;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                out.put(key, resolveAt(YamlFile.child(path, key), entry.getValue()));
            }
            result = Collections.unmodifiableMap(out);
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(resolveAt(YamlFile.item(path, i), list.get(i)));
            }
            result = Collections.unmodifiableList(out);
        } else {
            result = resolveString(path, (String) value);
        }
        inProgress.remove(path);
        resolved.put(path, result);
        return result;
    }

    private Object resolveString(String path, String value) {
        if (!Template.mayContain(value)) {
            return value;
        }
        Template template;
        try {
            template = Template.parse(value);
        } catch (IllegalArgumentException e) {
            report(path, e.getMessage(), "close every '${' with '}', or write '$${' for a literal '${'");
            return value;
        }
        if (template.whole()) {
            return reference(path, ((Template.Ref) template.parts().get(0)).expression(), value);
        }
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Text text) {
                out.append(text.text());
            } else if (part instanceof Template.Escape) {
                out.append("$${");
            } else {
                Template.Ref ref = (Template.Ref) part;
                Object resolvedValue = reference(path, ref.expression(), ref.written());
                if (resolvedValue instanceof Map || resolvedValue instanceof List) {
                    report(path, "${" + ref.expression() + "} is a " + (resolvedValue instanceof Map ? "mapping" : "list")
                            + " and cannot be embedded in a string", "use it as the whole value, or refer to one of its leaves");
                    out.append(ref.written());
                } else {
                    out.append(resolvedValue);
                }
            }
        }
        return out.toString();
    }

    /** The value of one reference; run-time ones and failures come back as written. */
    private Object reference(String path, String expression, String written) {
        if (References.runtime(expression)) {
            if (expression.startsWith(References.ENV_VAR) && expression.length() == References.ENV_VAR.length()) {
                report(path, "'${env:}' names no environment variable", "write ${env:VARIABLE_NAME}");
            }
            String peerProblem = expression.startsWith(PeerReferences.PREFIX) ? PeerReferences.problem(expression, node.peers()) : null;
            if (peerProblem != null) {
                report(path, peerProblem, "refer to a node type of this environment (and an index it has)");
            }
            return written;
        }
        Object builtIn = node.value(expression);
        if (builtIn != null) {
            return builtIn;
        }
        if (expression.startsWith(References.PARAMS)) {
            return parameter(path, expression.substring(References.PARAMS.length()), written);
        }
        report(path, "unknown reference '${" + expression + "}'", Suggestions.fix(expression, References.all(), "references"));
        return written;
    }

    private Object parameter(String path, String target, String written) {
        Object current = tree;
        List<String> valid = new ArrayList<>(tree.keySet());
        for (String key : target.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                report(path, "unknown reference '${params." + target + "}': the node has no parameter '" + target + "'",
                        Suggestions.fix(key, valid, "keys at that level"));
                return written;
            }
            current = map.get(key);
            valid = current instanceof Map<?, ?> next ? next.keySet().stream().map(String::valueOf).toList() : List.of();
        }
        return resolveAt(target, current);
    }

    private void report(String path, String message, String fix) {
        LeafSource source = sources.get(path);
        if (source == null) {
            Map.Entry<String, LeafSource> beneath = sources.ceilingEntry(path);
            source = beneath != null && beneath.getKey().startsWith(path) ? beneath.getValue() : null;
        }
        problems.report(path, source, message, fix);
    }
}

package io.neckbeard.config.interpolate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ${peers.<type>.<field>}} and {@code ${peers.<type>.<index>.<field>}}: the endpoint of a
 * node of the same generation ({@code address}, {@code port} or a provider attribute such as
 * {@code db_name}), resolved at deploy time. Without an index, the type's first node. See
 * docs/configuration.md.
 */
public final class PeerReferences {
    public static final String PREFIX = "peers.";

    private PeerReferences() {
    }

    /** The referenced type of a {@code peers.} expression, or null when it has no type segment. */
    public static String type(String expression) {
        String[] parts = expression.substring(PREFIX.length()).split("\\.", -1);
        return parts[0].isEmpty() ? null : parts[0];
    }

    /**
     * What is wrong with a {@code peers.} expression, or null when it is valid.
     *
     * @param counts the environment's node types and how many nodes each has
     */
    static String problem(String expression, Map<String, Integer> counts) {
        String[] parts = expression.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            return "'${" + expression + "}' is not a peer reference: write ${peers.<type>.address}, ${peers.<type>.port}"
                    + " or ${peers.<type>.<index>.address}";
        }
        Integer count = counts.get(parts[0]);
        if (count == null) {
            return "unknown node type '" + parts[0] + "' in '${" + expression + "}': this environment's node types are "
                    + String.join(", ", new TreeSet<>(counts.keySet()));
        }
        if (parts.length == 3 && !(parts[1].matches("\\d{1,9}") && Integer.parseInt(parts[1]) >= 1
                && Integer.parseInt(parts[1]) <= count)) {
            return "no node " + parts[0] + "-" + parts[1] + " for '${" + expression + "}': " + parts[0] + " has "
                    + count + " node" + (count == 1 ? "" : "s") + " here (indexes 1 to " + count + ")";
        }
        return null;
    }

    /** Every node type a tree refers to through {@code ${peers...}}. */
    public static Set<String> types(Object tree) {
        Set<String> types = new TreeSet<>();
        expressions(tree).stream().map(PeerReferences::type).filter(type -> type != null).forEach(types::add);
        return types;
    }

    /** Every {@code peers.} expression in a tree ({@code peers.db.address}). */
    public static Set<String> expressions(Object tree) {
        Set<String> expressions = new TreeSet<>();
        collect(tree, expressions);
        return expressions;
    }

    private static void collect(Object value, Set<String> expressions) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(child -> collect(child, expressions));
        } else if (value instanceof List<?> list) {
            list.forEach(child -> collect(child, expressions));
        } else if (value instanceof String text && Template.mayContain(text)) {
            for (Template.Part part : parse(text)) {
                if (part instanceof Template.Ref ref && ref.expression().startsWith(PREFIX)) {
                    expressions.add(ref.expression());
                }
            }
        }
    }

    /** The tree as {@code show} prints it: each {@code ${peers.x}} as {@code <peers.x>}, known only at deploy time. */
    @SuppressWarnings("unchecked")
    public static <T> T shown(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, child) -> out.put(key, shown(child)));
            return (T) Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(child -> out.add(shown(child)));
            return (T) Collections.unmodifiableList(out);
        }
        if (value instanceof String text && text.contains("${" + PREFIX)) {
            StringBuilder out = new StringBuilder();
            for (Template.Part part : parse(text)) {
                if (part instanceof Template.Text plain) {
                    out.append(plain.text());
                } else if (part instanceof Template.Escape) {
                    out.append("$${");
                } else {
                    Template.Ref ref = (Template.Ref) part;
                    out.append(ref.expression().startsWith(PREFIX) ? "<" + ref.expression() + ">" : ref.written());
                }
            }
            return (T) out.toString();
        }
        return value;
    }

    private static List<Template.Part> parse(String text) {
        try {
            return Template.parse(text).parts();
        } catch (IllegalArgumentException malformed) {
            return List.of(); // reported where the tree is interpolated
        }
    }
}

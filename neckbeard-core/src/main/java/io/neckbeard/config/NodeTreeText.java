package io.neckbeard.config;

import java.util.List;
import java.util.Map;

/**
 * The text form of {@code show}: a header line per node, then its tree indented by two spaces,
 * each leaf optionally followed by {@code # <layer> <file:line>}; then each load balancer the
 * nodes use, with its settings.
 */
public final class NodeTreeText {
    private NodeTreeText() {
    }

    public static String render(ShowService.ShowResult result) {
        StringBuilder out = new StringBuilder();
        for (ShowService.ShownNode node : result.nodes()) {
            out.append(node.name()).append(" (type ").append(node.type()).append(", size ").append(orNone(node.size()))
                    .append(", az ").append(orNone(node.az())).append(", resource ").append(node.resource())
                    .append(", services ").append(node.services().isEmpty() ? "none" : String.join(", ", node.services()))
                    .append(")\n");
            if (node.params().isEmpty()) {
                out.append("  (no parameters)\n");
            }
            map(out, node.params(), "", 1, node.provenance());
        }
        for (ShowService.ShownLoadBalancer balancer : result.loadBalancers()) {
            out.append("load balancer ").append(balancer.name()).append(" (type ").append(balancer.type()).append(")\n");
            map(out, balancer.settings(), "", 1, null);
        }
        return out.toString();
    }

    private static void map(StringBuilder out, Map<String, Object> map, String path, int depth,
                            Map<String, ShowService.ProvenanceEntry> provenance) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            indent(out, depth).append(entry.getKey()).append(':');
            value(out, entry.getValue(), child, depth, provenance);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object value, String path, int depth,
                              Map<String, ShowService.ProvenanceEntry> provenance) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            map(out, (Map<String, Object>) map, path, depth + 1, provenance);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (int i = 0; i < list.size(); i++) {
                indent(out, depth + 1).append('-');
                value(out, list.get(i), path + "[" + i + "]", depth + 1, provenance);
            }
        } else {
            out.append(' ').append(scalar(value));
            ShowService.ProvenanceEntry origin = provenance == null ? null : provenance.get(path);
            if (origin != null) {
                out.append("    # ").append(origin.layer()).append(' ').append(origin.file()).append(':').append(origin.line());
            }
            out.append('\n');
        }
    }

    private static String scalar(Object value) {
        if (value instanceof Map) {
            return "{}";
        }
        if (value instanceof List) {
            return "[]";
        }
        if (value instanceof String text && (text.isEmpty() || !text.strip().equals(text))) {
            return '"' + text + '"';
        }
        return String.valueOf(value);
    }

    private static StringBuilder indent(StringBuilder out, int depth) {
        return out.append("  ".repeat(depth));
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}

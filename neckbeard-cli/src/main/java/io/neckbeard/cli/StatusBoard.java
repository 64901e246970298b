package io.neckbeard.cli;

import io.neckbeard.engine.StatusReport;
import io.neckbeard.state.GenerationState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code status} on a terminal: per generation, one compact line per availability zone with a
 * block per node, its colour (and, for {@code --no-color} and colour-blind eyes, its shape) telling
 * serving, unhealthy, draining or pending, then the counts and the names of the nodes not serving.
 */
public final class StatusBoard {
    private static final String RESET = "\033[0m";

    /** What a node is doing, as the board draws it. */
    enum Look {
        SERVING("■", "\033[32m"),
        UNHEALTHY("✗", "\033[31m"),
        DRAINING("◧", "\033[33m"),
        PENDING("□", "\033[90m");

        final String block;
        final String colour;

        Look(String block, String colour) {
            this.block = block;
            this.colour = colour;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * Unhealthy when its check failed; serving when healthy and in service; draining when up but out
         * of service in an active or old generation (taken out, retired); pending otherwise (not launched,
         * never checked, or built and waiting for promote).
         */
        static Look of(StatusReport.NodeStatus node, String generationState) {
            if (Boolean.FALSE.equals(node.healthy())) {
                return UNHEALTHY;
            }
            if (node.resourceId() == null || node.healthy() == null) {
                return PENDING;
            }
            if (node.operational()) {
                return SERVING;
            }
            return GenerationState.PENDING.id().equals(generationState) ? PENDING : DRAINING;
        }
    }

    private final boolean colour;

    public StatusBoard(boolean colour) {
        this.colour = colour;
    }

    /** The board's lines, without line ends. */
    public List<String> render(StatusReport report, int hidden) {
        List<String> lines = new ArrayList<>();
        lines.add(StatusText.lockLine(report));
        if (report.generations().isEmpty() && hidden == 0) {
            lines.add("no generations yet (neckbeard up " + report.environment() + " creates generation 1)");
        }
        int azWidth = report.generations().stream().flatMap(g -> g.nodes().stream())
                .mapToInt(n -> String.valueOf(n.az()).length()).max().orElse(0);
        for (StatusReport.GenerationStatus generation : report.generations()) {
            lines.add(StatusText.generationLine(generation));
            Map<String, List<StatusReport.NodeStatus>> byAz = new LinkedHashMap<>();
            generation.nodes().forEach(n -> byAz.computeIfAbsent(String.valueOf(n.az()), az -> new ArrayList<>()).add(n));
            int blocks = byAz.values().stream().mapToInt(List::size).max().orElse(0);
            if (byAz.isEmpty()) {
                lines.add("  (no nodes)");
            }
            byAz.forEach((az, nodes) -> lines.add(azLine(az, azWidth, nodes, blocks, generation.state())));
        }
        if (hidden > 0) {
            lines.add(hidden + " terminated generation" + (hidden == 1 ? "" : "s") + " not shown (--all shows them)");
        }
        StringJoiner legend = new StringJoiner("  ");
        for (Look look : Look.values()) {
            legend.add(paint(look) + " " + look.label());
        }
        lines.add(legend.toString());
        return lines;
    }

    /** {@code   us-east-1a  ■ ■ ✗  2 serving, 1 unhealthy (web-5)}: blocks padded to the widest zone. */
    private String azLine(String az, int azWidth, List<StatusReport.NodeStatus> nodes, int blocks, String generationState) {
        StringBuilder line = new StringBuilder("  ").append(az).append(" ".repeat(azWidth - az.length())).append("  ");
        Map<Look, List<String>> counted = new EnumMap<>(Look.class);
        for (StatusReport.NodeStatus node : nodes) {
            Look look = Look.of(node, generationState);
            line.append(paint(look)).append(' ');
            counted.computeIfAbsent(look, l -> new ArrayList<>()).add(node.name());
        }
        line.append("  ".repeat(blocks - nodes.size())).append(' ');
        StringJoiner counts = new StringJoiner(", ");
        counted.forEach((look, names) -> counts.add(names.size() + " " + look.label()
                + (look == Look.SERVING ? "" : " (" + String.join(" ", names) + ")")));
        return line.append(counts).toString();
    }

    private String paint(Look look) {
        return colour ? look.colour + look.block + RESET : look.block;
    }
}

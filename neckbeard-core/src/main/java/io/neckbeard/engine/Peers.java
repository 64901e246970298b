package io.neckbeard.engine;

import io.neckbeard.state.NodeRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoints a generation's nodes publish to each other ({@code ${peers...}}): each launched
 * node's address, port and provider attributes, by {@code <type>.<index>.<field>}, and by
 * {@code <type>.<field>} for the type's first node.
 */
final class Peers {
    private Peers() {
    }

    static Map<String, String> of(List<NodeRecord> records) {
        Map<String, String> peers = new TreeMap<>();
        records.stream().filter(r -> r.address() != null).sorted(NodeRecord.ORDER.reversed()).forEach(record -> {
            fields(record).forEach((field, value) -> {
                peers.put(record.type() + "." + record.index() + "." + field, value);
                peers.put(record.type() + "." + field, value); // the first node's, written last
            });
        });
        return peers;
    }

    /**
     * The env file's peer variables: {@code NECKBEARD_PEER_<TYPE>_ADDRESS} and {@code _PORT} for
     * each type's first node, {@code NECKBEARD_PEER_<TYPE>_<INDEX>_ADDRESS} and {@code _PORT} for each node.
     */
    static Map<String, String> environment(List<NodeRecord> records) {
        Map<String, String> variables = new LinkedHashMap<>();
        records.stream().filter(r -> r.address() != null).sorted(NodeRecord.ORDER.reversed()).forEach(record -> {
            String type = record.type().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            for (String prefix : List.of("NECKBEARD_PEER_" + type + "_" + record.index(), "NECKBEARD_PEER_" + type)) {
                variables.put(prefix + "_ADDRESS", record.address());
                if (record.port() != null) {
                    variables.put(prefix + "_PORT", record.port().toString());
                }
            }
        });
        return new TreeMap<>(variables);
    }

    private static Map<String, String> fields(NodeRecord record) {
        Map<String, String> fields = new TreeMap<>(record.attributes());
        fields.put("address", record.address());
        if (record.port() != null) {
            fields.put("port", record.port().toString());
        }
        return fields;
    }
}

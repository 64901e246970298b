package io.neckbeard.coordinator.simpledb;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable text of any size in SimpleDB items {@code BASE#0}, {@code BASE#1}, ...: each holds up to
 * {@value #CHUNKS_PER_ITEM} chunks ({@code c.000}, ...; SimpleDB allows 256 attributes per item),
 * and {@code BASE#0} also the chunk count and the SHA-256 of the text, checked on every read.
 * A base is written once and never changed, only deleted.
 */
final class Blobs {
    static final int CHUNKS_PER_ITEM = 250;

    private final SimpleDbDomain domain;

    Blobs(SimpleDbDomain domain) {
        this.domain = domain;
    }

    /** Stores {@code text}; returns how many items it took. */
    int write(String base, String text) {
        List<String> chunks = Chunks.split(text);
        int items = itemCount(chunks.size());
        for (int i = items - 1; i >= 0; i--) { // item 0 last: a blob whose first item exists is complete
            Map<String, String> attributes = SimpleDbDomain.numbered("c", chunks.subList(i * CHUNKS_PER_ITEM,
                    Math.min(chunks.size(), (i + 1) * CHUNKS_PER_ITEM)));
            if (i == 0) {
                attributes.put("chunks", Integer.toString(chunks.size()));
                attributes.put("sha256", Chunks.sha256(text));
            }
            domain.put(item(base, i), attributes);
        }
        return items;
    }

    /**
     * The text, or empty when the blob (or a part of it) is gone, as when a newer write deleted it.
     *
     * @throws CoordinatorException exit 2 when it is there but does not match its checksum
     */
    Optional<String> read(String base) {
        Map<String, List<String>> first = domain.get(item(base, 0));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        int count;
        try {
            count = Integer.parseInt(single(first, "chunks"));
        } catch (NumberFormatException e) {
            throw damaged(base, "its chunk count is not a number");
        }
        List<String> chunks = new ArrayList<>(count);
        Map<String, List<String>> item = first;
        for (int i = 0; i < count; i++) {
            if (i > 0 && i % CHUNKS_PER_ITEM == 0) {
                item = domain.get(item(base, i / CHUNKS_PER_ITEM));
                if (item.isEmpty()) {
                    return Optional.empty();
                }
            }
            chunks.add(single(item, String.format(java.util.Locale.ROOT, "c.%03d", i % CHUNKS_PER_ITEM)));
        }
        String text;
        try {
            text = Chunks.join(chunks);
        } catch (IllegalArgumentException e) {
            throw damaged(base, "its chunks do not decode (" + e.getMessage() + ")");
        }
        if (!Chunks.sha256(text).equals(single(first, "sha256"))) {
            throw damaged(base, "its checksum does not match its content");
        }
        return Optional.of(text);
    }

    void delete(String base, int items) {
        for (int i = 0; i < items; i++) {
            domain.delete(item(base, i));
        }
    }

    static int itemCount(int chunks) {
        return Math.max(1, (chunks + CHUNKS_PER_ITEM - 1) / CHUNKS_PER_ITEM);
    }

    private String single(Map<String, List<String>> item, String name) {
        List<String> values = item.get(name);
        if (values == null || values.size() != 1) {
            throw new CoordinatorException(ExitCode.USAGE, domain.describe() + ": attribute " + name
                    + (values == null ? " is missing" : " has " + values.size() + " values"), repair(), null);
        }
        return values.get(0);
    }

    private CoordinatorException damaged(String base, String what) {
        return new CoordinatorException(ExitCode.USAGE, domain.describe() + ", item " + item(base, 0) + ": " + what,
                repair(), null);
    }

    private static String repair() {
        return "the stored state is damaged and was not changed; restore it from the mirror "
                + "(coordinator.mirror) with 'neckbeard coordinator migrate' (docs/coordinator.md)";
    }

    static String item(String base, int index) {
        return base + "#" + index;
    }
}

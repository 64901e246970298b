package io.neckbeard.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Map helpers the value records share. */
public final class Maps {
    private Maps() {
    }

    /**
     * An unmodifiable shallow copy that keeps the order and null values ({@code Map.copyOf} refuses
     * nulls, and a YAML key without a value is one): a record holding it is not changed through the
     * map it was built from.
     */
    public static <K, V> Map<K, V> copy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

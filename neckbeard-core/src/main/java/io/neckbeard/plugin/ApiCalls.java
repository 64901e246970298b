package io.neckbeard.plugin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The remote API calls the plugins of one command run made, counted by name
 * ({@code SERVICE.Operation}, e.g. {@code EC2.DescribeInstances}). A cloud plugin adds to it; the
 * CLI shows the totals ({@code -v}, and {@code aws_calls} in {@code -o json}). Thread-safe.
 */
public final class ApiCalls {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one call of {@code operation} of {@code service}. */
    public void count(String service, String operation) {
        counts.computeIfAbsent(service + "." + operation, name -> new LongAdder()).increment();
    }

    /** The calls so far by name, sorted; empty when none was made. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        counts.forEach((name, count) -> totals.put(name, count.sum()));
        return totals;
    }
}

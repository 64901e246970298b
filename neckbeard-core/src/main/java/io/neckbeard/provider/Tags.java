package io.neckbeard.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every resource carries, so a re-run finds what an interrupted run launched. */
public final class Tags {
    public static final String APP = "neckbeard:app";
    public static final String ENV = "neckbeard:env";
    public static final String GENERATION = "neckbeard:generation";
    public static final String NODE = "neckbeard:node";
    public static final String NAME = "Name";

    private Tags() {
    }

    public static Map<String, String> of(String app, String environment, long generation, String node) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(APP, app);
        tags.put(ENV, environment);
        tags.put(GENERATION, Long.toString(generation));
        tags.put(NODE, node);
        tags.put(NAME, app + "-" + environment + "-g" + generation + "-" + node);
        return tags;
    }
}

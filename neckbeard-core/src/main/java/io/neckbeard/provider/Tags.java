package io.neckbeard.provider;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;

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

    /**
     * Refuses (exit 4) a resource whose tags name another app or environment than (app,
     * environment): it is someone else's, and deploying to it or destroying it would hit them. A
     * resource without these tags passes (one that is gone, or a provider's that carries none).
     *
     * @param fix what the operator should do instead
     */
    public static void requireOwner(Resource resource, String app, String environment, String fix) {
        String taggedApp = resource.tags().get(APP);
        String taggedEnv = resource.tags().get(ENV);
        if (taggedApp != null && !taggedApp.equals(app) || taggedEnv != null && !taggedEnv.equals(environment)) {
            String owner = (taggedEnv == null ? "" : "environment " + taggedEnv + " ") + "of app " + (taggedApp == null ? app : taggedApp);
            throw new NeckbeardException(ExitCode.REFUSED, "resource " + resource.id() + " (" + resource.provider()
                    + ") belongs to " + owner + " by its tags, not to " + environment + " of " + app, fix);
        }
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

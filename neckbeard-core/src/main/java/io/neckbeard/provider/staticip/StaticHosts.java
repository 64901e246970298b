package io.neckbeard.provider.staticip;

import java.util.List;
import java.util.Map;

/** The {@code static:} block of a validated node tree. */
final class StaticHosts {
    private StaticHosts() {
    }

    static List<String> of(Map<String, Object> params) {
        return ((List<?>) ((Map<?, ?>) params.get(StaticProviderFactory.TYPE)).get("hosts")).stream().map(Object::toString).toList();
    }

    /** The web process's port, or null when not set. */
    static Integer port(Map<String, Object> params) {
        Object port = ((Map<?, ?>) params.get(StaticProviderFactory.TYPE)).get("port");
        return port instanceof Integer p ? p : null;
    }
}

package io.neckbeard.provider.staticip;

import io.neckbeard.model.ParamProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code static:} block of a validated node tree. */
final class StaticHosts {
    private static final String PATH = StaticProviderFactory.TYPE + ".hosts";
    /** A DNS name, an IPv4 or an IPv6 address (with an optional %zone). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_:][A-Za-z0-9_.:%-]*");

    private StaticHosts() {
    }

    /**
     * Entries that are not a plain host name or address (one starting with {@code -} would be read as an ssh option,
     * whitespace or shell characters would split or run in a command), and hosts listed twice (two nodes on one host
     * would share its Stack root). A {@code ${...}} entry passes: it is known at run time only.
     */
    static List<ParamProblem> problems(List<String> hosts) {
        List<ParamProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String host : hosts) {
            if (!host.contains("${") && !HOST.matcher(host).matches()) {
                problems.add(new ParamProblem(PATH, "static.hosts entry '" + host + "' is not a host name or address",
                        "write a DNS name or an IP address such as 10.0.0.5: letters, digits, '.', '-', ':', not starting with '-'"));
            } else if (!seen.add(host.toLowerCase(Locale.ROOT))) {
                problems.add(new ParamProblem(PATH, "static.hosts lists " + host + " twice: its two nodes would share the host's"
                        + " Stack root", "list each host once, one per node"));
            }
        }
        return problems;
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

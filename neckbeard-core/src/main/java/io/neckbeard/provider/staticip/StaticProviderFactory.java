package io.neckbeard.provider.staticip;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.transport.ssh.SshSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code resource: static}: existing servers listed by address, {@code static: {hosts: [10.0.0.5, 10.0.0.6]}},
 * node {@code <type>-<i>} on the i-th host; optional {@code port}, the web process's {@code PORT}.
 * Reached over SSH ({@code ssh:} settings).
 */
public final class StaticProviderFactory implements ResourceProviderFactory {
    public static final String TYPE = "static";
    private static final Set<String> KEYS = Set.of("hosts", "port");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>(SshSettings.validate(params));
        Object block = params.get(TYPE);
        if (!(block instanceof Map<?, ?> map)) {
            problems.add(new ParamProblem(TYPE + ".hosts", block == null ? "static.hosts is required"
                    : "'static' must be a mapping with hosts", "write static: {hosts: [10.0.0.5, 10.0.0.6]}, one host per node"));
            return problems;
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key.toString())) {
                problems.add(new ParamProblem(TYPE + "." + key, "unknown setting '" + key + "' of the static provider",
                        "use hosts (and optionally port)"));
            }
        }
        Object hosts = map.get("hosts");
        if (!(hosts instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(h -> h instanceof String s && !s.isBlank())) {
            problems.add(new ParamProblem(TYPE + ".hosts", "static.hosts must be a non-empty list of host names or addresses, found "
                    + hosts, "write hosts: [10.0.0.5, 10.0.0.6], one per node index"));
        } else {
            problems.addAll(StaticHosts.problems(list.stream().map(Object::toString).toList()));
        }
        Object port = map.get("port");
        if (port != null && !(port instanceof Integer p && p > 0 && p < 65536)) {
            problems.add(new ParamProblem(TYPE + ".port", "static.port must be a port number, found " + port, "write port: 8000"));
        }
        return problems;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, int index, Map<String, Object> params) {
        List<ParamProblem> problems = validate(nodeType, params);
        if (problems.isEmpty()) {
            int hosts = StaticHosts.of(params).size();
            if (index > hosts) {
                problems.add(new ParamProblem(TYPE + ".hosts", "node " + nodeType + "-" + index + " has no host: static.hosts lists "
                        + hosts, "add a host per node to static.hosts, or lower the node count"));
            }
        }
        return problems;
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new StaticProvider();
    }
}

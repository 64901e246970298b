package io.neckbeard.config.interpolate;

import java.util.List;

/** The names {@code ${...}} may use (docs/configuration.md, "Interpolation"). */
public final class References {
    /** Known when the configuration is loaded. */
    public static final List<String> STATIC = List.of("app", "env.name", "node.name", "node.type", "node.index", "node.az");
    /** Known only while acting on a node; left as written until {@code ParamTree.resolve}. */
    public static final List<String> RUNTIME = List.of("generation", "node.port", "node.address");
    public static final String PARAMS = "params.";
    public static final String ENV_VAR = "env:";

    private References() {
    }

    public static boolean runtime(String expression) {
        return RUNTIME.contains(expression) || expression.startsWith(ENV_VAR) || expression.startsWith(PeerReferences.PREFIX);
    }

    /** Every valid form, for "did you mean". */
    public static List<String> all() {
        List<String> all = new java.util.ArrayList<>(STATIC);
        all.addAll(RUNTIME);
        all.add("params.<path>");
        all.add("env:<VAR>");
        all.add("peers.<type>.address");
        all.add("peers.<type>.port");
        all.add("peers.<type>.<index>.address");
        return all;
    }
}

package io.neckbeard.config.interpolate;

import io.neckbeard.config.RuntimeValues;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.Origin;
import io.neckbeard.model.ParamTree;
import io.neckbeard.model.ResolvedParams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes interpolation with run-time values: {@code ${generation}}, {@code ${node.port}},
 * {@code ${node.address}}, {@code ${env:VAR}}, and turns {@code $${} into {@code ${}.
 * With {@code redact}, each {@code ${env:VAR}} stays as written so no secret is in the result.
 */
public final class RuntimeInterpolator {
    private final RuntimeValues runtime;
    private final Map<String, Origin> provenance;
    private final boolean redact;

    public RuntimeInterpolator(RuntimeValues runtime, Map<String, Origin> provenance, boolean redact) {
        this.runtime = runtime;
        this.provenance = provenance;
        this.redact = redact;
    }

    /** Finishes a node's tree with run-time values; fails (exit 2) naming the key path and file:line. */
    public static ResolvedParams resolve(ParamTree params, RuntimeValues runtime) {
        return new ResolvedParams(new RuntimeInterpolator(runtime, params.provenance(), false).resolve(params.values()),
                new RuntimeInterpolator(runtime, params.provenance(), true).resolve(params.values()));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> values) {
        return (Map<String, Object>) resolve("", values);
    }

    private Object resolve(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, child) -> out.put((String) key, resolve(YamlFile.child(path, (String) key), child)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(resolve(YamlFile.item(path, i), list.get(i)));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof String text && Template.mayContain(text)) {
            return resolveString(path, text);
        }
        return value;
    }

    private Object resolveString(String path, String value) {
        Template template;
        try {
            template = Template.parse(value);
        } catch (IllegalArgumentException e) {
            throw failure(path, e.getMessage(), "close every '${' with '}', or write '$${' for a literal '${'");
        }
        if (template.whole() && "generation".equals(((Template.Ref) template.parts().get(0)).expression())) {
            return runtime.generation();
        }
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Text text) {
                out.append(text.text());
            } else if (part instanceof Template.Escape) {
                out.append("${");
            } else {
                out.append(reference(path, (Template.Ref) part));
            }
        }
        return out.toString();
    }

    private String reference(String path, Template.Ref ref) {
        String expression = ref.expression();
        if ("generation".equals(expression)) {
            return Long.toString(runtime.generation());
        }
        if (expression.startsWith(References.ENV_VAR)) {
            if (redact) {
                return ref.written();
            }
            String variable = expression.substring(References.ENV_VAR.length());
            String value = runtime.environmentVariables().apply(variable);
            if (value == null) {
                throw failure(path, "environment variable " + variable + " is not set (needed by ${env:" + variable + "})",
                        "export " + variable + " before running neckbeard");
            }
            return value;
        }
        if (expression.startsWith(PeerReferences.PREFIX)) {
            String value = runtime.peers().get(expression.substring(PeerReferences.PREFIX.length()));
            if (value == null) {
                throw failure(path, "${" + expression + "} is not known: that node of this generation is not launched yet"
                        + " (or has no such attribute)", "deploy with neckbeard up: it launches referenced node types first");
            }
            return value;
        }
        if (References.RUNTIME.contains(expression)) {
            String key = expression.substring("node.".length());
            String value = runtime.node().get(key);
            if (value == null) {
                throw failure(path, "${" + expression + "} is not known for this node yet",
                        "use ${" + expression + "} only in parameters read after the node is launched");
            }
            return value;
        }
        throw failure(path, "unknown reference '${" + expression + "}'",
                "use one of: " + String.join(", ", References.all()));
    }

    private NeckbeardException failure(String path, String message, String fix) {
        Origin origin = provenance.get(path);
        String where = origin == null ? "" : " at " + origin.location();
        return new NeckbeardException(ExitCode.USAGE, message + " (parameter " + path + where + ")", fix);
    }
}

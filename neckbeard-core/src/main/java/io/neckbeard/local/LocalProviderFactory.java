package io.neckbeard.local;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code local} provider: nodes are process groups on this machine, under {@code <project>/.neckbeard/local/}. */
public final class LocalProviderFactory implements ResourceProviderFactory {
    public static final String TYPE = "local";

    @Override
    public String type() {
        return TYPE;
    }

    /** An optional {@code local: {}} block is accepted; it has no settings yet, so any key in it is a mistake. */
    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>();
        Object block = params.get(TYPE);
        if (block == null) {
            return problems;
        }
        if (!(block instanceof Map<?, ?> map)) {
            problems.add(new ParamProblem(TYPE, "the local provider's block must be a map",
                    "write 'local: {}' or leave it out"));
            return problems;
        }
        for (Object key : map.keySet()) {
            problems.add(new ParamProblem(TYPE + "." + key, "unknown setting '" + key + "' of the local provider",
                    "remove it: the local provider has no settings (its nodes get a directory and a free port)"));
        }
        return problems;
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new LocalProvider(context.projectRoot());
    }
}

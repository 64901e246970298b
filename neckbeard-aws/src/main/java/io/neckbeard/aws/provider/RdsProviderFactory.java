package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code resource: rds}. Names no SDK type: the SDK is loaded only when a command uses the
 * provider (see {@link RdsProvider}).
 */
public final class RdsProviderFactory implements ResourceProviderFactory {
    static final String TYPE = "rds";
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>(ParamChecks.of("rds", params)
                .required("engine", "engine: postgres")
                .required("instance_class", "instance_class: db.t4g.small, usually in a size")
                .strings("engine", "engine_version", "instance_class", "db_name", "username", "parameter_group",
                        "parameter_group_family", "subnet_group", "launch_timeout")
                .integers("allocated_storage", "backup_retention_days", "port")
                .booleans("multi_az", "final_snapshot", "publicly_accessible")
                .stringLists("security_groups")
                .checkedElsewhere("password", "seed", "parameters")
                .problems());
        Map<?, ?> rds = params.get("rds") instanceof Map<?, ?> map ? map : Map.of();
        problems.addAll(RdsChecks.password(rds.get("password")));
        problems.addAll(RdsChecks.seed(rds.get("seed")));
        problems.addAll(RdsChecks.parameters(rds));
        return problems;
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new RdsProvider(() -> RdsDatabases.of(context, FIRST_POLL));
    }
}

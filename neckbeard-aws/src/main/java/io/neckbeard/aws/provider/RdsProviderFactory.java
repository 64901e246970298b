package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;

import java.util.List;
import java.util.Map;

/** {@code resource: rds}. Validates the {@code rds:} parameters; launching arrives with the AWS SDK code. */
public final class RdsProviderFactory implements ResourceProviderFactory {

    @Override
    public String type() {
        return "rds";
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        return ParamChecks.of("rds", params)
                .required("engine", "engine: postgres")
                .required("instance_class", "instance_class: db.t4g.small, usually in a size")
                .strings("engine", "engine_version", "instance_class", "db_name", "username", "password",
                        "parameter_group", "subnet_group", "snapshot_identifier")
                .integers("allocated_storage", "backup_retention_days", "port")
                .booleans("multi_az", "final_snapshot", "publicly_accessible")
                .stringLists("security_groups")
                .problems();
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        throw new ProviderException("the rds provider cannot launch databases in this version of neckbeard",
                "use 'neckbeard check' and 'show' with rds node types for now");
    }
}

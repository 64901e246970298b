package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.DbParameterGroupNotFoundException;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DB parameter group neckbeard keeps for a node type of an environment ({@code rds.parameters}):
 * created when missing, and on every launch of a database of that type, and every {@code up} that
 * finds the type's {@code rds} settings changed ({@link RdsProvider#update}), brought to the
 * settings written (only the parameters whose value differs are modified). A dynamic parameter applies at
 * once, a static one at the database's next reboot. Parameters no longer written are left as
 * they are; the group itself is never deleted (every generation of the type uses it).
 */
final class RdsParameterGroups {
    private static final Logger LOG = LoggerFactory.getLogger(RdsParameterGroups.class);
    /** ModifyDBParameterGroup takes at most 20 parameters per call. */
    static final int BATCH = 20;

    private final RdsClient rds;

    RdsParameterGroups(RdsClient rds) {
        this.rds = rds;
    }

    /** Makes group {@code name} of {@code family} exist and hold {@code wanted}. */
    void ensure(String name, String family, Map<String, String> wanted, List<Tag> tags) {
        String action = "keep the DB parameter group " + name;
        try {
            if (!exists(name)) {
                rds.createDBParameterGroup(c -> c.dbParameterGroupName(name).dbParameterGroupFamily(family)
                        .description("neckbeard: rds.parameters of " + name).tags(tags));
                LOG.info("created DB parameter group {} ({})", name, family);
            }
            Map<String, Parameter> current = new HashMap<>();
            rds.describeDBParametersPaginator(d -> d.dbParameterGroupName(name)).parameters()
                    .forEach(p -> current.put(p.parameterName(), p));
            List<Parameter> changes = new ArrayList<>();
            wanted.forEach((key, value) -> {
                Parameter now = current.get(key);
                if (now == null || !Objects.equals(now.parameterValue(), value)) {
                    boolean dynamic = now != null && "dynamic".equals(now.applyType());
                    changes.add(Parameter.builder().parameterName(key).parameterValue(value)
                            .applyMethod(dynamic ? ApplyMethod.IMMEDIATE : ApplyMethod.PENDING_REBOOT).build());
                }
            });
            for (int from = 0; from < changes.size(); from += BATCH) {
                List<Parameter> batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
                rds.modifyDBParameterGroup(m -> m.dbParameterGroupName(name).parameters(batch));
            }
            if (!changes.isEmpty()) {
                LOG.info("DB parameter group {}: set {}", name, changes.stream().map(Parameter::parameterName).toList());
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action);
        }
    }

    private boolean exists(String name) {
        try {
            // RDS answers DBParameterGroupNotFound; moto an empty list
            return !rds.describeDBParameterGroups(d -> d.dbParameterGroupName(name)).dbParameterGroups().isEmpty();
        } catch (DbParameterGroupNotFoundException e) {
            return false;
        }
    }
}

package io.neckbeard.provisioner;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Typed;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** Registered in {@code META-INF/services}; {@code type()} is {@code provisioner.type}. */
public interface ProvisionerFactory extends Typed {
    Provisioner create(ProvisionerContext context);

    /**
     * Every problem of the provisioner's settings (the {@code provisioner:} block without
     * {@code type}), each at its key path inside the block ({@code timeout}, {@code scripts[1]};
     * {@code ""} for the block itself), offline; never throws for a mistake. When
     * {@link ValidationContext#checksFiles()}, also the project files they need (relative to
     * {@link ValidationContext#projectRoot()}) for {@link ValidationContext#roles()}: so
     * {@code neckbeard check} reports a problem, and {@code up} refuses (exit 2) before any node is
     * launched or taken out of its load balancer.
     */
    default List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return List.of();
    }
}

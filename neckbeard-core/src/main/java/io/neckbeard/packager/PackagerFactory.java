package io.neckbeard.packager;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Typed;
import io.neckbeard.plugin.ValidationContext;

import java.util.List;
import java.util.Map;

/** Registered in {@code META-INF/services}; {@code type()} is {@code packager.type}. */
public interface PackagerFactory extends Typed {
    Packager create(PackagerContext context);

    /**
     * Every problem of the packager's settings (the {@code packager:} block without {@code type}),
     * each at its key path inside the block, without building anything; never throws for a
     * mistake. When {@link ValidationContext#checksFiles()} (only {@code neckbeard check}: {@code up}
     * finds them when it packs), also the project files the slug must hold, such as the Procfile.
     */
    default List<ParamProblem> validate(Map<String, Object> settings, ValidationContext context) {
        return List.of();
    }
}

package io.neckbeard.config.validate;

import io.neckbeard.config.ConfigException;
import io.neckbeard.config.yaml.Position;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.model.Problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Collects every configuration problem (duplicates once), to be thrown together. */
public final class Problems implements Consumer<Problem> {
    private final Set<Problem> found = new LinkedHashSet<>();

    @Override
    public void accept(Problem problem) {
        found.add(problem);
    }

    /** A problem at the position of {@code path} in {@code file}. */
    public void add(YamlFile file, String path, String message, String fix) {
        Position at = file.position(path);
        found.add(new Problem(file.display(), at.line(), at.column(), path, message, fix));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(new ArrayList<>(found));
        }
    }
}

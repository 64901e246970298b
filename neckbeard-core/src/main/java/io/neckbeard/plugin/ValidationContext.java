package io.neckbeard.plugin;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * What a factory's {@code validate} may look at besides its own settings block.
 *
 * @param projectRoot the project directory, against which relative paths in settings resolve; null
 *                    when this validation must not look at project files (a command that never
 *                    uses them: an operator's rollback must not depend on a script in the checkout)
 * @param roles       every role the services of the project's node types name, each once
 */
public record ValidationContext(Path projectRoot, Collection<String> roles) {
    public ValidationContext {
        roles = List.copyOf(roles);
    }

    /** Whether project files may be checked ({@link #projectRoot()} is set). */
    public boolean checksFiles() {
        return projectRoot != null;
    }
}

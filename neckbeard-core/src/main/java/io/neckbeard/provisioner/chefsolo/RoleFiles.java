package io.neckbeard.provisioner.chefsolo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Json;
import io.neckbeard.core.NeckbeardException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code <roles>/<role>.json} file of a role, checked to exist and to be JSON: by {@code check} and before a bundle is built. */
final class RoleFiles {
    private RoleFiles() {
    }

    /**
     * @param usedBy who needs the role, for the message, e.g. {@code node app-2 (services web, memcached)}
     * @throws NeckbeardException exit 2 when the file is missing or is not JSON
     */
    static Path find(Path rolesDir, String role, String usedBy) {
        Path file = rolesDir.resolve(role + ".json").normalize();
        if (!file.getParent().equals(rolesDir.normalize()) || !Files.isRegularFile(file)) {
            throw new NeckbeardException(ExitCode.USAGE, "role '" + role + "' of " + usedBy + " has no role file: "
                    + file + " does not exist",
                    "write the role as " + rolesDir.resolve(role + ".json") + " (see docs/provisioning.md), or remove it from the service's roles");
        }
        try {
            Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new NeckbeardException(ExitCode.USAGE, "role file " + file + " of role '" + role + "' is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", "fix the JSON in " + file);
        } catch (IOException e) {
            throw new NeckbeardException(ExitCode.USAGE, "cannot read role file " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
        return file;
    }
}

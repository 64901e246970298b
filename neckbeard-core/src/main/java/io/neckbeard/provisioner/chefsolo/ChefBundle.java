package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.core.FileTrees;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provisioner.ProvisionerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files chef-solo needs on a node, built in a local temporary directory: {@code cookbooks/},
 * {@code roles/<role>.json} for the node's roles only, and {@code solo.rb}. The node JSON is not
 * part of it: it holds secrets and is written to the node separately, with mode 0600.
 */
final class ChefBundle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChefBundle.class);

    private final Path dir;

    private ChefBundle(Path dir) {
        this.dir = dir;
    }

    /**
     * @param remoteDir where the bundle will live on the node ({@code <workDir>/chef})
     * @param cacheDir  chef's file cache on the node, kept between runs
     * @throws NeckbeardException exit 2 when a role file is missing or is not JSON
     */
    static ChefBundle build(ChefSoloSettings settings, List<String> roles, String nodeDescription, String remoteDir,
                            String cacheDir) {
        List<Path> roleFiles = roles.stream().map(role -> RoleFiles.find(settings.roles(), role, nodeDescription)).toList();
        Path dir;
        try {
            dir = Files.createTempDirectory("neckbeard-chef-");
        } catch (IOException e) {
            throw new ProvisionerException("cannot create a temporary directory for the chef-solo bundle: " + e.getMessage(),
                    "check that " + System.getProperty("java.io.tmpdir") + " is writable", e);
        }
        ChefBundle bundle = new ChefBundle(dir);
        try {
            Files.createDirectories(dir.resolve("cookbooks"));
            if (Files.isDirectory(settings.cookbooks())) {
                FileTrees.copyTree(settings.cookbooks(), dir.resolve("cookbooks"));
            }
            Path rolesDir = Files.createDirectories(dir.resolve("roles"));
            for (Path roleFile : roleFiles) {
                Files.copy(roleFile, rolesDir.resolve(roleFile.getFileName()));
            }
            Files.writeString(dir.resolve("solo.rb"), soloRb(remoteDir, cacheDir), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            bundle.close();
            throw new ProvisionerException("cannot build the chef-solo bundle in " + dir + ": " + e.getMessage(),
                    "check that " + settings.cookbooks() + " and " + settings.roles() + " are readable and the disk is not full", e);
        }
        return bundle;
    }

    Path dir() {
        return dir;
    }

    /** chef-solo's configuration: every path points into the bundle's place on the node. */
    private static String soloRb(String remoteDir, String cacheDir) {
        return "# Written by neckbeard; rewritten on every provisioning run.\n"
                + "cookbook_path [" + ruby(remoteDir + "/cookbooks") + "]\n"
                + "role_path " + ruby(remoteDir + "/roles") + "\n"
                + "file_cache_path " + ruby(cacheDir) + "\n"
                + "json_attribs " + ruby(remoteDir + "/node.json") + "\n";
    }

    /** A single-quoted Ruby string literal. */
    private static String ruby(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Removes the local bundle; it holds no secrets, so a leftover after a crash is harmless. */
    @Override
    public void close() {
        try {
            FileTrees.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not remove the chef-solo bundle {}; it is left to the OS's temp cleanup", dir, e);
        }
    }
}

package io.neckbeard.provisioner.chefsolo;

import io.neckbeard.core.NeckbeardException;
import io.neckbeard.transport.NodeFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files chef-solo needs on a node, copied from the project: {@code cookbooks/},
 * {@code roles/<role>.json} for the node's roles only, and {@code solo.rb}, in a directory
 * emptied first, so cookbooks and roles removed from the project do not linger on the node. The
 * node JSON is not part of it: it holds secrets and is written with mode 0600.
 */
final class ChefBundle {
    private ChefBundle() {
    }

    /**
     * @param remoteDir where the bundle lives on the node ({@code <workDir>/chef})
     * @param cacheDir  chef's file cache on the node, kept between runs
     * @throws NeckbeardException exit 2 when a role file is missing or is not JSON
     */
    static List<NodeFile> files(ChefSoloSettings settings, List<String> roles, String nodeDescription, String remoteDir,
                                String cacheDir) {
        List<NodeFile> files = new ArrayList<>(List.of(NodeFile.emptyDirectory(remoteDir)));
        files.add(Files.isDirectory(settings.cookbooks()) ? NodeFile.copy(settings.cookbooks(), remoteDir + "/cookbooks")
                : NodeFile.emptyDirectory(remoteDir + "/cookbooks"));
        files.add(NodeFile.emptyDirectory(remoteDir + "/roles"));
        for (String role : roles) {
            Path roleFile = RoleFiles.find(settings.roles(), role, nodeDescription);
            files.add(NodeFile.copy(roleFile, remoteDir + "/roles/" + roleFile.getFileName()));
        }
        files.add(NodeFile.bytes(remoteDir + "/solo.rb", soloRb(remoteDir, cacheDir).getBytes(StandardCharsets.UTF_8), 0644));
        return files;
    }

    /**
     * chef-solo's configuration: what it reads points into the bundle; what it writes goes to the
     * cache. chef-solo would otherwise write into the bundle's directory (the node object it saves
     * under {@code nodes/}, its backups and checksums under {@code local-mode-cache/}, both found
     * from the bundle's paths), as root when it runs through sudo, and the next run, logged in as
     * the SSH user, could no longer empty that directory.
     */
    private static String soloRb(String remoteDir, String cacheDir) {
        return "# Written by neckbeard; rewritten on every provisioning run.\n"
                + "cookbook_path [" + ruby(remoteDir + "/cookbooks") + "]\n"
                + "role_path " + ruby(remoteDir + "/roles") + "\n"
                + "json_attribs " + ruby(remoteDir + "/node.json") + "\n"
                + "# what chef-solo writes stays out of this directory, which neckbeard empties on every run\n"
                + "chef_repo_path " + ruby(cacheDir) + "\n"
                + "cache_path " + ruby(cacheDir) + "\n"
                + "file_cache_path " + ruby(cacheDir) + "\n";
    }

    /** A single-quoted Ruby string literal. */
    private static String ruby(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

package io.neckbeard.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTreesTest {
    @TempDir
    Path temp;

    @Test
    void withinGivesAPathBelowTheRootForPlainNames() {
        Path root = temp.resolve("root");

        assertThat(FileTrees.within(root, "dev", "g1-app-1")).isEqualTo(root.resolve("dev/g1-app-1"));
    }

    @Test
    void withinRefusesNamesThatLeadOutOfTheRootOrOntoIt() {
        Path root = temp.resolve("root");

        for (String name : new String[] {"a/../../victim", "..", ".", "/etc", "", "dev/../.."}) {
            assertThatThrownBy(() -> FileTrees.within(root, name)).as(name).isInstanceOf(NeckbeardException.class)
                    .hasMessageContaining("is not inside " + root)
                    .satisfies(e -> assertThat(((NeckbeardException) e).exitCode()).isEqualTo(ExitCode.REFUSED));
        }
    }

    @Test
    void withinRefusesAPathThroughASymbolicLinkThatLeadsOut() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("dev"), elsewhere);
        Files.createSymbolicLink(root.resolve("dangling"), temp.resolve("missing"));
        Files.createSymbolicLink(root.resolve("inside"), Files.createDirectories(root.resolve("real")));

        assertThatThrownBy(() -> FileTrees.within(root, "dev", "g1-app-1")).isInstanceOf(NeckbeardException.class);
        assertThatThrownBy(() -> FileTrees.within(root, "dangling", "g1-app-1")).isInstanceOf(NeckbeardException.class);
        assertThat(FileTrees.within(root, "inside", "g1-app-1")).isEqualTo(root.resolve("inside/g1-app-1"));
    }
}

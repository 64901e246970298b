package io.neckbeard.cli.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AppCacheTest {
    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path temp;

    private Path home() throws IOException {
        return Files.createDirectories(temp.resolve("home"));
    }

    private Path tmp() throws IOException {
        return Files.createDirectories(temp.resolve("tmp"));
    }

    private AppCache locate(Map<String, String> environment, Path home, String user) throws IOException {
        return AppCache.locate(environment, home.toString(), tmp().toString(), user);
    }

    @Test
    void theVariableChoosesTheDirectoryWhichIsCreatedForTheUserAlone() throws IOException {
        Path chosen = temp.resolve("chosen/cache");

        AppCache cache = locate(Map.of("NECKBEARD_CACHE_DIR", chosen.toString(), "XDG_CACHE_HOME", temp.resolve("xdg").toString()),
                home(), ME);

        assertThat(cache.dir()).isEqualTo(chosen);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chosen))).isEqualTo("rwx------");
    }

    @Test
    void withoutTheVariableTheXdgCacheHomeHoldsIt() throws IOException {
        Path xdg = temp.resolve("xdg");

        assertThat(locate(Map.of("XDG_CACHE_HOME", xdg.toString()), home(), ME).dir()).isEqualTo(xdg.resolve("neckbeard"));
    }

    @Test
    void withNeitherTheHomesCacheHoldsIt() throws IOException {
        assertThat(locate(Map.of("XDG_CACHE_HOME", "relative/is/ignored"), home(), ME).dir())
                .isEqualTo(home().resolve(".cache/neckbeard"));
    }

    @Test
    void aHomeThatCannotBeWrittenFallsBackToTheUsersOwnDirectoryInTheTemporaryOne() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("home-is-a-file"), "");

        AppCache cache = locate(Map.of(), notADirectory, ME);

        assertThat(cache.dir()).isEqualTo(tmp().resolve("neckbeard-" + ME));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir()))).isEqualTo("rwx------");
    }

    @Test
    void aTemporaryDirectoryOfAnotherUserIsNotRunFrom() throws IOException {
        assumeTrue("root".equals(ME), "giving a directory to another user needs root");
        Path notADirectory = Files.writeString(temp.resolve("home-is-a-file"), "");
        Path planted = Files.createDirectories(tmp().resolve("neckbeard-" + ME));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(planted, planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> locate(Map.of(), notADirectory, ME))
                .hasMessageContaining("neckbeard-" + ME + " (it belongs to nobody, not to " + ME + ")")
                .hasMessageEndingWith("Set NECKBEARD_CACHE_DIR to a directory you can write to");
    }

    @Test
    void withoutAnAbsoluteHomeNothingIsWrittenUnderTheCurrentDirectory() throws IOException {
        // a container's user with no account: Java's user.home is "?"
        AppCache cache = locate(Map.of("HOME", "relative"), Path.of("?"), ME);

        assertThat(cache.dir()).isEqualTo(tmp().resolve("neckbeard-" + ME));
        assertThat(Path.of("?")).doesNotExist();
        assertThat(Path.of("relative")).doesNotExist();
    }

    @Test
    void theHomeVariableWinsOverTheAccountsHome() throws IOException {
        Path variable = Files.createDirectories(temp.resolve("variable-home"));

        assertThat(locate(Map.of("HOME", variable.toString()), home(), ME).dir()).isEqualTo(variable.resolve(".cache/neckbeard"));
    }

    @Test
    void aTemporaryDirectoryOthersMayWriteToIsNotRunFrom() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("home-is-a-file"), "");
        Path shared = Files.createDirectories(tmp().resolve("neckbeard-" + ME));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> locate(Map.of(), notADirectory, ME))
                .hasMessageContaining("others may write to it (rwxrwxrwx)");
    }

    @Test
    void aVariableNamingWhatCannotBeWrittenIsAnErrorNamingItWithoutFallingBack() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "");

        assertThatThrownBy(() -> locate(Map.of("NECKBEARD_CACHE_DIR", file.toString()), home(), ME))
                .hasMessageStartingWith("NECKBEARD_CACHE_DIR is " + file + ", which cannot hold neckbeard's unpacked classes: ")
                .hasMessageEndingWith("Point NECKBEARD_CACHE_DIR at a directory you can write to");
        assertThat(home().resolve(".cache")).doesNotExist();
    }
}

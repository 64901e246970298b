package io.neckbeard.packager.command;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.PackagerFactory;
import io.neckbeard.packager.Slug;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.ValidationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandPackagerTest {
    @TempDir
    Path project;

    private Slug build(Map<String, Object> settings) {
        return Plugins.builtIn().find(PackagerFactory.class, "command", "packager")
                .create(new PackagerContext(project, "hello", settings))
                .build(new PackageRequest("hello", project, settings, project.resolve(".neckbeard/slugs")));
    }

    @Test
    void packsWhatTheBuildCommandWroteIntoSlugDirAndReusesAnUnchangedResult() throws Exception {
        Files.writeString(project.resolve("main.c"), "int main() {}");
        String command = "mkdir -p \"$SLUG_DIR\" && cp main.c \"$SLUG_DIR/app.c\" && echo 'web: ./app' > \"$SLUG_DIR/Procfile\"";

        Slug first = build(Map.of("command", command));
        Slug again = build(Map.of("command", command));

        assertThat(first.file()).exists().hasFileName("hello-" + first.id() + ".tar.gz");
        assertThat(again).isEqualTo(first);
        assertThat(project.resolve("build/slug/app.c")).hasContent("int main() {}");
    }

    @Test
    void aFailingBuildFailsWithItsOutputTail() {
        assertThatThrownBy(() -> build(Map.of("command", "echo compiler says no; exit 4")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(e.getMessage()).contains("exit 4", "compiler says no");
                });
    }

    @Test
    void validateReportsEveryUnknownKeyThenAMissingCommandAndAnOutputOutsideTheProject() {
        CommandPackagerFactory factory = new CommandPackagerFactory();
        ValidationContext offline = new ValidationContext(null, List.of());

        assertThat(factory.validate(Map.of("comand", "make", "outptu", "dist"), offline)).extracting(ParamProblem::path)
                .containsExactlyInAnyOrder("comand", "outptu");
        assertThat(factory.validate(Map.of("comand", "make"), offline).get(0).fix()).startsWith("did you mean 'command'?");
        assertThat(factory.validate(Map.of("output", "dist"), offline)).extracting(ParamProblem::path).containsExactly("command");
        assertThat(factory.validate(Map.of("command", "make", "output", "../elsewhere"), offline)).isEmpty();
        assertThat(factory.validate(Map.of("command", "make", "output", "../elsewhere"), new ValidationContext(project, List.of())))
                .extracting(ParamProblem::path).containsExactly("output");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        assertThatThrownBy(() -> build(Map.of("output", "dist")))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}

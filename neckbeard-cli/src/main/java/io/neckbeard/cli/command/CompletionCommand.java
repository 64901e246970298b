package io.neckbeard.cli.command;

import io.neckbeard.cli.CliContext;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code neckbeard completion bash|zsh}: a completion script generated from the command tree. */
@Command(name = "completion", description = "Print a shell completion script (bash or zsh).")
public final class CompletionCommand extends NeckbeardCommand {

    /** The shells a script can be printed for. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    protected int execute(CliContext cli) {
        String script = CompletionNames.addTo(AutoComplete.bash("neckbeard", spec.root().commandLine()), spec.root().commandLine());
        if (shell == Shell.zsh) {
            // zsh runs the bash script through its bash-completion emulation.
            script = "#compdef neckbeard\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        if (cli.json()) {
            cli.printJson(java.util.Map.of("shell", shell.name(), "script", script));
        } else {
            cli.out().print(script);
        }
        return 0;
    }
}

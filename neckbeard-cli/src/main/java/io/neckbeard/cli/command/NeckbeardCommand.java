package io.neckbeard.cli.command;

import io.neckbeard.cli.AuditedArguments;
import io.neckbeard.cli.CliContext;
import io.neckbeard.cli.Neckbeard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** Base of every subcommand: gives it the {@link CliContext}; its exit code comes from {@link #execute}. */
@Command(mixinStandardHelpOptions = true)
public abstract class NeckbeardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        return execute(((Neckbeard) spec.root().userObject()).context());
    }

    /** The command line for the audit trail: without global options, config-var and secret values masked. */
    protected final List<String> maskedArguments() {
        return AuditedArguments.of(spec.root().commandLine().getParseResult().originalArgs());
    }

    /** Does the work; returns the exit code (failures are thrown as NeckbeardException). */
    protected abstract int execute(CliContext cli);
}

package io.neckbeard.config;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.model.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a project's configuration at once (exit 2). */
public final class ConfigException extends NeckbeardException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(ExitCode.USAGE, summary(problems), null);
        this.problems = List.copyOf(problems);
    }

    @Override
    public String code() {
        return "config_invalid";
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        String count = problems.size() == 1 ? "1 configuration problem" : problems.size() + " configuration problems";
        return count + ":" + System.lineSeparator()
                + problems.stream().map(Problem::render).collect(Collectors.joining(System.lineSeparator()));
    }
}

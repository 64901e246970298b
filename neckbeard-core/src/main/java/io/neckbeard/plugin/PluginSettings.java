package io.neckbeard.plugin;

import io.neckbeard.core.NeckbeardException;
import io.neckbeard.core.Suggestions;
import io.neckbeard.model.ParamProblem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Helpers for a factory's {@code validate}: the checks every plugin's settings block needs. */
public final class PluginSettings {
    private PluginSettings() {
    }

    /**
     * Every key of {@code settings} that is not in {@code known}, each a problem at that key with
     * the closest known key as a did-you-mean, e.g. {@code unknown setting 'paht' of the local-yaml coordinator}.
     *
     * @param owner what the settings belong to, e.g. {@code local-yaml coordinator}
     */
    public static List<ParamProblem> unknownKeys(Map<?, ?> settings, Collection<String> known, String owner) {
        Collection<String> valid = new TreeSet<>(known);
        List<ParamProblem> problems = new ArrayList<>();
        for (String key : settings.keySet().stream().map(String::valueOf).toList()) {
            if (!valid.contains(key)) {
                problems.add(new ParamProblem(key, "unknown setting '" + key + "' of the " + owner,
                        valid.isEmpty() ? "remove it: the " + owner + " takes no settings" : Suggestions.fix(key, valid, "settings")));
            }
        }
        return problems;
    }

    /**
     * A check written as code that throws (as the plugin's run-time code does) as a list: its
     * {@link NeckbeardException} becomes one problem at its {@link AtSetting#setting()} when it
     * names one, else at {@code path} (empty: the block itself).
     */
    public static List<ParamProblem> problemOf(String path, Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (NeckbeardException e) {
            return List.of(new ParamProblem(e instanceof AtSetting at ? at.setting() : path, e.getMessage(), e.remedy()));
        }
    }
}

package io.neckbeard.cli;

import java.util.Map;

/**
 * Words people type from other deploy tools, mapped by meaning (not spelling) to the command that
 * does it. For an unknown command; picocli's
 * edit-distance suggestions still cover typos.
 */
final class CommandSynonyms {
    /** What an unknown command word means here: the message and the fix. */
    record Suggestion(String message, String fix) {
    }

    private static final Map<String, Suggestion> WORDS = Map.ofEntries(
            use("deploy", "neckbeard up ENV (a rolling deploy; 'up ENV --pending' then 'promote ENV' for a new generation)"),
            use("release", "neckbeard up ENV deploys the current checkout"),
            use("rollout", "neckbeard up ENV rolls the active generation in waves"),
            use("destroy", "neckbeard terminate ENV (--generation N | --old | --all)"),
            use("down", "neckbeard terminate ENV (--generation N | --old | --all)"),
            use("delete", "neckbeard terminate ENV (--generation N | --old | --all)"),
            use("config", "neckbeard vars ENV [set K=V... | unset K... | get K] for config vars; neckbeard show ENV for the parameters"),
            use("env", "neckbeard vars ENV [set K=V... | unset K... | get K]"),
            use("console", "neckbeard ssh ENV NODE (or neckbeard run ENV --node NODE -- CMD)"),
            use("shell", "neckbeard ssh ENV NODE (or neckbeard run ENV --node NODE -- CMD)"),
            use("exec", "neckbeard run ENV [--node NODE] -- CMD"),
            use("open", "neckbeard status ENV prints the URLs the app serves at"),
            use("info", "neckbeard status ENV"),
            use("validate", "neckbeard check [ENV...]"),
            use("log", "neckbeard logs ENV [-f]"),
            use("tail", "neckbeard logs ENV -f"),
            use("top", "neckbeard ps ENV"),
            use("reload", "neckbeard restart ENV (a rolling restart of the processes)"),
            use("diagnose", "neckbeard doctor [ENV]"));

    private CommandSynonyms() {
    }

    /** The suggestion for {@code word} typed as a command, or null when it means nothing known. */
    static Suggestion of(String word) {
        return WORDS.get(word);
    }

    private static Map.Entry<String, Suggestion> use(String word, String instead) {
        return Map.entry(word, new Suggestion("unknown command '" + word + "'", "use " + instead));
    }
}

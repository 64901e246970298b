package io.neckbeard.core;

import java.util.Collection;

/** "Did you mean ...?" for misspelt keys and names, by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * A fix naming the closest valid word (when one is close) and listing the valid ones.
     *
     * @param what plural noun for the list, e.g. "keys", "sizes"
     */
    public static String fix(String word, Collection<String> valid, String what) {
        if (valid.isEmpty()) {
            return "there are no " + what + " defined";
        }
        String closest = closest(word, valid);
        String list = "valid " + what + ": " + String.join(", ", valid);
        return closest == null ? list : "did you mean '" + closest + "'? " + list;
    }

    /** The valid word closest to {@code word}, or null when none is close enough to be a typo. */
    public static String closest(String word, Collection<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            if (word.length() >= 3 && candidate.startsWith(word)) {
                return candidate;
            }
            int distance = distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

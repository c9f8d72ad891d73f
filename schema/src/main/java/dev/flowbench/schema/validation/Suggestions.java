package dev.flowbench.schema.validation;

import java.util.Collection;
import java.util.Locale;

/** Finds the closest known name to a misspelt one ("did you mean …?"). */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code wanted}: one containing it (case-insensitively), else the smallest edit
     * distance if it is small enough to be a plausible typo; null when nothing is close.
     */
    public static String closest(String wanted, Collection<String> candidates) {
        if (wanted == null || wanted.isEmpty()) {
            return null;
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int score = other.equals(lower)
                    ? -2000
                    : other.contains(lower) ? other.length() - 1000 : distance(other, lower);
            if (score < bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        int tolerance = Math.max(2, wanted.length() / 3);
        return bestScore <= tolerance ? best : null;
    }

    /** Levenshtein distance between {@code a} and {@code b}. */
    public static int distance(String a, String b) {
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

package org.mtrl.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the name a user probably meant. A candidate is close enough when its optimal string
 * alignment distance (Damerau-Levenshtein with adjacent transpositions) to the input, ignoring case,
 * is at most max(1, input length / 3), or when one is a prefix of the other and the prefix has at
 * least three characters. The closest such candidate wins; ties go to the alphabetically first.
 */
public final class DidYouMean {
    private static final int MIN_PREFIX = 3;

    private DidYouMean() {
    }

    /** The candidate closest to {@code input}, if one is close enough. */
    public static Optional<String> suggest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        int threshold = Math.max(1, in.length() / 3);
        return candidates.stream()
                .filter(c -> {
                    String cand = c.toLowerCase(Locale.ROOT);
                    return distance(in, cand) <= threshold || isLongPrefix(in, cand) || isLongPrefix(cand, in);
                })
                .min(Comparator.<String>comparingInt(c -> distance(in, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private static boolean isLongPrefix(String prefix, String of) {
        return prefix.length() >= MIN_PREFIX && of.startsWith(prefix);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

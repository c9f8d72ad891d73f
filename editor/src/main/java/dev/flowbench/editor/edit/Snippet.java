package dev.flowbench.editor.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A completion's insert text with its snippet syntax resolved: the plain text to insert and its tab stops.
 *
 * <p>Syntax (the subset of the LSP/TextMate snippet syntax that completion needs): {@code $1} or
 * {@code ${1:placeholder}} is a tab stop, visited in number order; {@code $0} is the final caret position
 * (the end of the text when absent); a backslash escapes {@code $}, {@code }} and itself. Malformed syntax is
 * inserted literally rather than rejected, because the user should always get some text.
 *
 * @param stops tab stops in visiting order, {@code $0} last; offsets relative to the start of {@code text}
 */
public record Snippet(String text, List<TabStop> stops) {

    /** A tab stop: the placeholder text from {@code start} to {@code end} gets selected when visited. */
    public record TabStop(int number, int start, int end) {}

    public Snippet {
        stops = List.copyOf(stops);
    }

    /**
     * Parses {@code snippet}, indenting every line after the first by {@code indentation} (the indentation of
     * the line the snippet is inserted into).
     */
    public static Snippet parse(String snippet, String indentation) {
        var text = new StringBuilder();
        var stops = new ArrayList<TabStop>();
        int i = 0;
        int n = snippet.length();
        while (i < n) {
            char c = snippet.charAt(i);
            if (c == '\\' && i + 1 < n && "\\$}".indexOf(snippet.charAt(i + 1)) >= 0) {
                text.append(snippet.charAt(i + 1));
                i += 2;
            } else if (c == '$' && i + 1 < n && Character.isDigit(snippet.charAt(i + 1))) {
                int j = digitsEnd(snippet, i + 1);
                stops.add(new TabStop(Integer.parseInt(snippet.substring(i + 1, j)), text.length(), text.length()));
                i = j;
            } else if (c == '$'
                    && snippet.startsWith("{", i + 1)
                    && i + 2 < n
                    && Character.isDigit(snippet.charAt(i + 2))) {
                int j = digitsEnd(snippet, i + 2);
                int number = Integer.parseInt(snippet.substring(i + 2, j));
                if (j < n && snippet.charAt(j) == '}') {
                    stops.add(new TabStop(number, text.length(), text.length()));
                    i = j + 1;
                } else if (j < n && snippet.charAt(j) == ':') {
                    int start = text.length();
                    i = placeholder(snippet, j + 1, text, indentation);
                    stops.add(new TabStop(number, start, text.length()));
                } else {
                    text.append(c);
                    i++;
                }
            } else {
                text.append(c);
                if (c == '\n') {
                    text.append(indentation);
                }
                i++;
            }
        }
        stops.sort(Comparator.comparingInt(s -> s.number() == 0 ? Integer.MAX_VALUE : s.number()));
        return new Snippet(text.toString(), dropRepeatedNumbers(stops));
    }

    /** Snippet text with no syntax: inserted as is, with the caret at its end. */
    public static Snippet plain(String text) {
        return new Snippet(text, List.of());
    }

    /** Copies a placeholder's text up to its closing brace and returns the offset after the brace. */
    private static int placeholder(String snippet, int i, StringBuilder text, String indentation) {
        int n = snippet.length();
        while (i < n) {
            char c = snippet.charAt(i);
            if (c == '\\' && i + 1 < n) {
                text.append(snippet.charAt(i + 1));
                i += 2;
            } else if (c == '}') {
                return i + 1;
            } else {
                text.append(c);
                if (c == '\n') {
                    text.append(indentation);
                }
                i++;
            }
        }
        return n;
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Mirrored tab stops (the same number twice) are visited once, at their first occurrence. */
    private static List<TabStop> dropRepeatedNumbers(List<TabStop> sorted) {
        var out = new ArrayList<TabStop>();
        for (TabStop stop : sorted) {
            if (out.isEmpty() || out.getLast().number() != stop.number()) {
                out.add(stop);
            }
        }
        return out;
    }
}

package dev.flowbench.editor.edit;

import dev.flowbench.editor.api.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Find and replace over a whole text, literal or regular expression. */
public final class TextSearch {
    /** Find stops counting here: beyond it a highlight helps no one and costs memory. */
    public static final int MAX_MATCHES = 10_000;

    private TextSearch() {}

    /** A match from {@code start} to {@code end}; empty for a zero-width regular expression match. */
    public record Match(int start, int end) {}

    /**
     * The outcome of a search: the matches in order, or an error message for a malformed regular expression.
     *
     * @param error one line for the user, or null when the query was valid
     */
    public record Result(List<Match> matches, String error) {
        public Result {
            matches = List.copyOf(matches);
        }

        /** The index of the first match starting at or after {@code offset}, wrapping to 0; -1 when none. */
        public int nextFrom(int offset) {
            for (int i = 0; i < matches.size(); i++) {
                if (matches.get(i).start() >= offset) {
                    return i;
                }
            }
            return matches.isEmpty() ? -1 : 0;
        }

        /** The index of the last match starting before {@code offset}, wrapping to the last; -1 when none. */
        public int previousFrom(int offset) {
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (matches.get(i).start() < offset) {
                    return i;
                }
            }
            return matches.size() - 1;
        }
    }

    /** Every match of {@code query} in {@code text} (at most {@link #MAX_MATCHES}); an empty pattern finds nothing. */
    public static Result find(String text, SearchQuery query) {
        if (query.pattern().isEmpty()) {
            return new Result(List.of(), null);
        }
        Pattern pattern;
        try {
            pattern = compile(query);
        } catch (PatternSyntaxException e) {
            return new Result(List.of(), "Invalid regular expression: " + e.getDescription());
        }
        var matches = new ArrayList<Match>();
        Matcher m = pattern.matcher(text);
        while (m.find() && matches.size() < MAX_MATCHES) {
            matches.add(new Match(m.start(), m.end()));
        }
        return new Result(matches, null);
    }

    /**
     * The replacement of every match, as edits against {@code text} in offset order; with a regular expression,
     * {@code $1} and {@code ${name}} in {@code replacement} refer to groups. A malformed query or replacement
     * yields no edits.
     */
    public static List<TextEdit> replaceAll(String text, SearchQuery query, String replacement) {
        return replacements(text, query, replacement, 0, Integer.MAX_VALUE);
    }

    /** The replacement of the single match {@code match} (which must come from {@link #find}), or empty. */
    public static List<TextEdit> replaceOne(String text, SearchQuery query, String replacement, Match match) {
        return replacements(text, query, replacement, match.start(), 1).stream()
                .filter(edit -> edit.start() == match.start() && edit.end() == match.end())
                .toList();
    }

    private static List<TextEdit> replacements(
            String text, SearchQuery query, String replacement, int from, int limit) {
        if (query.pattern().isEmpty()) {
            return List.of();
        }
        try {
            Matcher m = compile(query).matcher(text);
            String effective = query.regex() ? replacement : Matcher.quoteReplacement(replacement);
            var edits = new ArrayList<TextEdit>();
            var buffer = new StringBuilder();
            int appendedUpTo = 0;
            if (from > 0) {
                m.region(from, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
            }
            while (edits.size() < limit && m.find()) {
                int before = buffer.length();
                m.appendReplacement(buffer, effective);
                // appendReplacement first copies the text between the previous match and this one; skip it.
                int gap = m.start() - appendedUpTo;
                edits.add(new TextEdit(m.start(), m.end(), buffer.substring(before + gap)));
                appendedUpTo = m.end();
            }
            return edits;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    private static Pattern compile(SearchQuery query) {
        int flags = query.matchCase() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (!query.regex()) {
            flags |= Pattern.LITERAL;
        } else {
            flags |= Pattern.MULTILINE;
        }
        return Pattern.compile(query.pattern(), flags);
    }
}

package dev.flowbench.editor.edit;

import java.util.Objects;

/**
 * What find/replace looks for.
 *
 * @param pattern the text, or a {@link java.util.regex.Pattern} when {@code regex}
 * @param regex whether {@code pattern} is a regular expression (replacements may then use {@code $1})
 * @param matchCase whether letters must match in case
 */
public record SearchQuery(String pattern, boolean regex, boolean matchCase) {
    public SearchQuery {
        Objects.requireNonNull(pattern, "pattern");
    }

    /** A literal, case-insensitive query. */
    public static SearchQuery literal(String text) {
        return new SearchQuery(text, false, false);
    }
}

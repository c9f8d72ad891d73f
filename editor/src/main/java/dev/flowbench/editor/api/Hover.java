package dev.flowbench.editor.api;

import java.util.Objects;

/**
 * What to show when the mouse rests on a span: markdown (title, description, type, default, enum values, where
 * an effective value came from).
 *
 * @param start start of the span the hover is about (views may highlight it)
 * @param end end of that span, exclusive
 */
public record Hover(int start, int end, String markdown) {
    public Hover {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad hover range " + start + "-" + end);
        }
        Objects.requireNonNull(markdown, "markdown");
    }
}

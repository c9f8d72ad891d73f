package dev.flowbench.editor.edit;

import java.util.Objects;

/**
 * Replace {@code start..end} with {@code text}, then select from {@code anchor} to {@code caret} (offsets in
 * the text after the replacement; equal when nothing is selected).
 */
public record Edit(int start, int end, String text, int anchor, int caret) {
    public Edit {
        if (start < 0 || end < start || anchor < 0 || caret < 0) {
            throw new IllegalArgumentException("bad edit " + start + "-" + end + " select " + anchor + "-" + caret);
        }
        Objects.requireNonNull(text, "text");
    }

    /** {@code original} with this edit applied. */
    public String applyTo(String original) {
        return original.substring(0, start) + text + original.substring(end);
    }
}

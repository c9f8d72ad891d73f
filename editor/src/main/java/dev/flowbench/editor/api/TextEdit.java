package dev.flowbench.editor.api;

import java.util.Objects;

/** Replace the text from {@code start} (inclusive) to {@code end} (exclusive) with {@code newText}. */
public record TextEdit(int start, int end, String newText) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + "-" + end);
        }
        Objects.requireNonNull(newText, "newText");
    }

    /** Insert {@code newText} at {@code offset}. */
    public static TextEdit insert(int offset, String newText) {
        return new TextEdit(offset, offset, newText);
    }
}

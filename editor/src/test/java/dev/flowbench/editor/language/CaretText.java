package dev.flowbench.editor.language;

import dev.flowbench.editor.api.TextEdit;
import java.util.Comparator;
import java.util.List;

/**
 * A test text with its caret written as {@code |}: the last one, so that YAML block scalars ({@code script: |})
 * can come before it.
 */
record CaretText(String text, int caret) {
    static CaretText of(String marked) {
        int caret = marked.lastIndexOf('|');
        if (caret < 0) {
            throw new IllegalArgumentException("no caret in " + marked);
        }
        return new CaretText(marked.substring(0, caret) + marked.substring(caret + 1), caret);
    }

    /** {@code text} with {@code edits} (against it, non-overlapping) applied. */
    static String apply(String text, List<TextEdit> edits) {
        var out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(TextEdit::start).reversed())
                .forEach(edit -> out.replace(edit.start(), edit.end(), edit.newText()));
        return out.toString();
    }
}

package dev.flowbench.editor.api;

import java.util.List;
import java.util.Objects;

/**
 * A named repair of a diagnostic.
 *
 * @param title what the user reads, e.g. "Replace with IF_NOT_PRESENT"
 * @param edits non-overlapping edits against the text the fix was computed for, applied together as one undo step
 */
public record QuickFix(String title, List<TextEdit> edits) {
    public QuickFix {
        Objects.requireNonNull(title, "title");
        edits = List.copyOf(edits);
    }
}

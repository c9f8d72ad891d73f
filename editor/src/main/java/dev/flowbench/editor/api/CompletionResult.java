package dev.flowbench.editor.api;

import java.util.List;

/**
 * The proposals for one caret position.
 *
 * @param replaceStart where the word being completed starts (at most the caret): accepting an item replaces
 *     the text from here to the caret, and what the user typed from here on filters the list
 * @param items the proposals in the order to show them (required properties first, say); never null
 */
public record CompletionResult(int replaceStart, List<CompletionItem> items) {
    public CompletionResult {
        if (replaceStart < 0) {
            throw new IllegalArgumentException("negative replaceStart " + replaceStart);
        }
        items = List.copyOf(items);
    }

    /** No proposals at {@code caret}. */
    public static CompletionResult empty(int caret) {
        return new CompletionResult(caret, List.of());
    }
}

package dev.flowbench.editor.view;

/**
 * A styled range over the text, drawn on top of the syntax colours (a diagnostic, a doc link, a search match).
 *
 * @param payload what the range stands for (a {@code Diagnostic}, a {@code DocLink}), or null
 */
record Mark(int start, int end, String styleClass, Object payload) {
    Mark {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad mark " + start + "-" + end);
        }
    }

    boolean contains(int offset) {
        return offset >= start && offset <= end;
    }
}

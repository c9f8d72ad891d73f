package dev.flowbench.editor.edit;

/**
 * Text with a caret written as {@code |} (the last one, so YAML block scalars can precede it) or a selection written as {@code «…»}, for tests that read like the
 * editor looks.
 */
record Marked(String text, int from, int to) {

    static Marked parse(String marked) {
        int caret = marked.lastIndexOf('|');
        if (caret >= 0) {
            return new Marked(marked.substring(0, caret) + marked.substring(caret + 1), caret, caret);
        }
        int open = marked.indexOf('«');
        int close = marked.indexOf('»');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("no caret or selection in " + marked);
        }
        String text = marked.substring(0, open) + marked.substring(open + 1, close) + marked.substring(close + 1);
        return new Marked(text, open, close - 1);
    }

    /** The text after {@code edit} with its resulting caret or selection marked. */
    static String render(String text, Edit edit) {
        String after = edit.applyTo(text);
        int from = Math.min(edit.anchor(), edit.caret());
        int to = Math.max(edit.anchor(), edit.caret());
        if (from == to) {
            return after.substring(0, from) + "|" + after.substring(from);
        }
        return after.substring(0, from) + "«" + after.substring(from, to) + "»" + after.substring(to);
    }
}

package dev.flowbench.editor.edit;

/** Line arithmetic on plain text ({@code \n} separated; a {@code \r} before it is content). */
final class Lines {
    private Lines() {}

    static int lineStart(CharSequence text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    static int lineEnd(CharSequence text, int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    /** The number of spaces at {@code lineStart}, not looking past {@code limit}. */
    static int indentation(CharSequence text, int lineStart, int limit) {
        int i = lineStart;
        while (i < limit && text.charAt(i) == ' ') {
            i++;
        }
        return i - lineStart;
    }

    static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}

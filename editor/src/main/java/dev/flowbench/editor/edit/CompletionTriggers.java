package dev.flowbench.editor.edit;

/**
 * When typing a character should open completion by itself: after {@code key: } (the provider then decides
 * whether the key has values worth proposing), after {@code {{ }, and after {@code .} or an opening quote of a
 * call inside an expression.
 */
public final class CompletionTriggers {
    private CompletionTriggers() {}

    /** Whether the character just typed before {@code caret} in {@code text} should open completion. */
    public static boolean opensCompletion(String text, int caret) {
        if (caret <= 0 || caret > text.length()) {
            return false;
        }
        return opensCompletion(text.substring(Lines.lineStart(text, caret), caret));
    }

    /**
     * Whether the last character of {@code lineBefore} (the caret's line up to the caret, just typed) should
     * open completion.
     */
    public static boolean opensCompletion(String lineBefore) {
        if (lineBefore.isEmpty()) {
            return false;
        }
        String before = lineBefore;
        char typed = before.charAt(before.length() - 1);
        boolean inExpression = inExpression(before);
        if (typed == ' ') {
            if (before.endsWith("{{ ")) {
                return true;
            }
            return before.endsWith(": ") && !inComment(before) && !inExpression;
        }
        if (typed == '.' || typed == '\'' || typed == '"') {
            return inExpression && (typed == '.' ? isIdentifierBefore(before) : before.endsWith("(" + typed));
        }
        return false;
    }

    /** Whether the end of {@code lineBefore} is inside an unclosed {@code {{ … }}}. */
    public static boolean inExpression(String lineBefore) {
        int open = lineBefore.lastIndexOf("{{");
        return open >= 0 && lineBefore.indexOf("}}", open) < 0;
    }

    private static boolean isIdentifierBefore(String before) {
        int i = before.length() - 2;
        return i >= 0
                && (Character.isLetterOrDigit(before.charAt(i))
                        || before.charAt(i) == '_'
                        || before.charAt(i) == ')'
                        || before.charAt(i) == ']');
    }

    private static boolean inComment(String before) {
        int hash = before.indexOf('#');
        return hash >= 0 && (hash == 0 || Character.isWhitespace(before.charAt(hash - 1)));
    }
}

package dev.flowbench.editor.syntax;

/**
 * Classifies a plain scalar the way the YAML 1.2 core schema resolves it (the schema SnakeYAML Engine uses):
 * null, boolean, number, or else string.
 */
final class ScalarKinds {
    private ScalarKinds() {}

    static TokenKind of(CharSequence text, int start, int end) {
        int length = end - start;
        if (length == 1 && text.charAt(start) == '~') {
            return TokenKind.NULL;
        }
        if (length <= 6) {
            String word = text.subSequence(start, end).toString();
            switch (word) {
                case "null", "Null", "NULL" -> {
                    return TokenKind.NULL;
                }
                case "true", "True", "TRUE", "false", "False", "FALSE" -> {
                    return TokenKind.BOOLEAN;
                }
                case ".inf",
                        ".Inf",
                        ".INF",
                        "+.inf",
                        "+.Inf",
                        "+.INF",
                        "-.inf",
                        "-.Inf",
                        "-.INF",
                        ".nan",
                        ".NaN",
                        ".NAN" -> {
                    return TokenKind.NUMBER;
                }
                default -> {}
            }
        }
        return isNumber(text, start, end) ? TokenKind.NUMBER : TokenKind.STRING;
    }

    private static boolean isNumber(CharSequence text, int start, int end) {
        if (end - start > 2 && text.charAt(start) == '0') {
            char radix = text.charAt(start + 1);
            if (radix == 'x') {
                return allDigits(text, start + 2, end, 16);
            }
            if (radix == 'o') {
                return allDigits(text, start + 2, end, 8);
            }
        }
        int i = start;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int integerDigits = countDigits(text, i, end);
        i += integerDigits;
        int fractionDigits = 0;
        if (i < end && text.charAt(i) == '.') {
            i++;
            fractionDigits = countDigits(text, i, end);
            i += fractionDigits;
        }
        if (integerDigits + fractionDigits == 0) {
            return false;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = countDigits(text, i, end);
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == end;
    }

    private static int countDigits(CharSequence text, int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static boolean allDigits(CharSequence text, int from, int end, int radix) {
        for (int i = from; i < end; i++) {
            if (Character.digit(text.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }
}

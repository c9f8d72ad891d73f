package dev.flowbench.editor.syntax;

/**
 * Splits YAML text into highlighting tokens in one linear pass; never throws, whatever the text.
 *
 * <p>This is a highlighter, not a parser: it recognises what a reader needs to see (keys, scalars by kind,
 * comments, anchors, block scalars, multi-line quoted strings, flow collections and {@code {{ … }}} templates
 * inside values) from local context, so a half-typed or broken document still colours sensibly. It keeps only
 * four pieces of state between lines, which is what makes it fast enough to rerun on every pause in typing.
 */
public final class YamlLexer {
    private final CharSequence text;
    private final Tokens.Builder out = new Tokens.Builder();

    /** Indentation of the line that opened the current block scalar, or -1 outside one. */
    private int blockScalarParentIndent = -1;
    /** The quote character of a quoted scalar that continues on the next line, or 0. */
    private char openQuote;
    /** Nesting depth of {@code [} and {@code {} collections, which may span lines. */
    private int flowDepth;

    private int lineStart;
    private int lineEnd;
    private int indent;

    private YamlLexer(CharSequence text) {
        this.text = text;
    }

    /** The tokens of {@code text}; never null. */
    public static Tokens lex(CharSequence text) {
        var lexer = new YamlLexer(text);
        lexer.run();
        return lexer.out.build();
    }

    private void run() {
        int length = text.length();
        int start = 0;
        while (start <= length) {
            int newline = indexOf('\n', start, length);
            int end = newline < 0 ? length : newline;
            lineStart = start;
            lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            line();
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
    }

    private void line() {
        indent = 0;
        while (lineStart + indent < lineEnd && text.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        int first = lineStart + indent;
        if (blockScalarParentIndent >= 0) {
            if (first == lineEnd) {
                return;
            }
            if (indent > blockScalarParentIndent) {
                stringWithExpressions(first, lineEnd);
                return;
            }
            blockScalarParentIndent = -1;
        }
        int i = lineStart;
        if (openQuote != 0) {
            i = quoted(lineStart, openQuote, true);
            if (openQuote != 0) {
                return;
            }
        }
        rest(i);
    }

    /** Tokens from {@code i} to the end of the line, in ordinary (not block-scalar) context. */
    private void rest(int i) {
        while (i < lineEnd) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#' && (i == lineStart || isBlank(text.charAt(i - 1)))) {
                out.add(TokenKind.COMMENT, i, lineEnd);
                return;
            }
            if (i == lineStart && flowDepth == 0) {
                if (c == '%') {
                    out.add(TokenKind.DIRECTIVE, i, lineEnd);
                    return;
                }
                if ((startsWith(i, "---") || startsWith(i, "...")) && endsToken(i + 3)) {
                    out.add(TokenKind.DOCUMENT_MARKER, i, i + 3);
                    i += 3;
                    continue;
                }
            }
            if ((c == '-' || c == '?') && flowDepth == 0 && endsToken(i + 1)) {
                out.add(TokenKind.PUNCTUATION, i, i + 1);
                i++;
            } else if (c == ':' && (endsToken(i + 1) || flowDepth > 0)) {
                out.add(TokenKind.PUNCTUATION, i, i + 1);
                i++;
            } else if ((c == '[' || c == '{') && !(c == '{' && flowDepth == 0 && charAt(i + 1) == '{')) {
                flowDepth++;
                out.add(TokenKind.PUNCTUATION, i, i + 1);
                i++;
            } else if ((c == ']' || c == '}') && flowDepth > 0) {
                flowDepth--;
                out.add(TokenKind.PUNCTUATION, i, i + 1);
                i++;
            } else if (c == ',' && flowDepth > 0) {
                out.add(TokenKind.PUNCTUATION, i, i + 1);
                i++;
            } else if (c == '&' || c == '*' || c == '!') {
                int end = wordEnd(i + 1);
                out.add(c == '&' ? TokenKind.ANCHOR : c == '*' ? TokenKind.ALIAS : TokenKind.TAG, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                i = quoted(i, c, false);
            } else if ((c == '|' || c == '>') && flowDepth == 0) {
                int end = i + 1;
                while (end < lineEnd && isBlockIndicator(text.charAt(end))) {
                    end++;
                }
                out.add(TokenKind.BLOCK_SCALAR_INDICATOR, i, end);
                blockScalarParentIndent = indent;
                i = end;
            } else {
                i = plain(i);
            }
        }
    }

    /**
     * A quoted scalar starting at {@code i} (the opening quote, or the line start when {@code continued}); a
     * quoted scalar followed by {@code :} is a key. Returns the offset after it.
     */
    private int quoted(int i, char quote, boolean continued) {
        int j = continued ? i : i + 1;
        int close = -1;
        while (j < lineEnd) {
            char c = text.charAt(j);
            if (quote == '"' && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (quote == '\'' && charAt(j + 1) == '\'') {
                    j += 2;
                    continue;
                }
                close = j;
                break;
            }
            j++;
        }
        if (close < 0) {
            openQuote = quote;
            stringWithExpressions(i, lineEnd);
            return lineEnd;
        }
        openQuote = 0;
        int end = close + 1;
        int after = skipSpaces(end);
        if (!continued && after < lineEnd && text.charAt(after) == ':' && (endsToken(after + 1) || flowDepth > 0)) {
            out.add(TokenKind.KEY, i, end);
        } else {
            stringWithExpressions(i, end);
        }
        return end;
    }

    /** A plain (unquoted) scalar starting at {@code i}; returns the offset after it. */
    private int plain(int i) {
        int j = i;
        int lastNonSpace = i;
        while (j < lineEnd) {
            char c = text.charAt(j);
            if (c == ':' && (endsToken(j + 1) || (flowDepth > 0 && isFlowIndicator(charAt(j + 1))))) {
                break;
            }
            if (c == '#' && j > i && isBlank(text.charAt(j - 1))) {
                break;
            }
            if (flowDepth > 0 && isFlowIndicator(c)) {
                break;
            }
            if (!isBlank(c)) {
                lastNonSpace = j + 1;
            }
            j++;
        }
        int end = Math.max(lastNonSpace, i + 1);
        if (j < lineEnd && text.charAt(j) == ':') {
            out.add(TokenKind.KEY, i, end);
        } else {
            TokenKind kind = ScalarKinds.of(text, i, end);
            if (kind == TokenKind.STRING) {
                stringWithExpressions(i, end);
            } else {
                out.add(kind, i, end);
            }
        }
        return Math.max(j, i + 1);
    }

    /** A string from {@code from} to {@code to} with any {@code {{ … }}} or {@code {% … %}} inside marked. */
    private void stringWithExpressions(int from, int to) {
        int i = from;
        while (i < to) {
            int open = indexOfTemplateOpen(i, to);
            if (open < 0) {
                break;
            }
            char closer = text.charAt(open + 1) == '{' ? '}' : '%';
            int close = indexOfTemplateClose(closer, open + 2, to);
            out.add(TokenKind.STRING, i, open);
            out.add(TokenKind.EXPRESSION_DELIMITER, open, open + 2);
            if (close < 0) {
                out.add(TokenKind.EXPRESSION, open + 2, to);
                return;
            }
            out.add(TokenKind.EXPRESSION, open + 2, close);
            out.add(TokenKind.EXPRESSION_DELIMITER, close, close + 2);
            i = close + 2;
        }
        out.add(TokenKind.STRING, i, to);
    }

    private int indexOfTemplateOpen(int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (text.charAt(i) == '{') {
                char next = text.charAt(i + 1);
                if (next == '{' || next == '%') {
                    return i;
                }
            }
        }
        return -1;
    }

    private int indexOfTemplateClose(char closer, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (text.charAt(i) == closer && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    private int wordEnd(int i) {
        while (i < lineEnd && !isBlank(text.charAt(i)) && !(flowDepth > 0 && isFlowIndicator(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    private int skipSpaces(int i) {
        while (i < lineEnd && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the token before {@code i} ends there: end of line or a blank follows. */
    private boolean endsToken(int i) {
        return i >= lineEnd || isBlank(text.charAt(i));
    }

    private boolean startsWith(int i, String prefix) {
        if (i + prefix.length() > lineEnd) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(i + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private char charAt(int i) {
        return i < lineEnd ? text.charAt(i) : '\n';
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isFlowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    private static boolean isBlockIndicator(char c) {
        return c == '-' || c == '+' || (c >= '1' && c <= '9');
    }
}

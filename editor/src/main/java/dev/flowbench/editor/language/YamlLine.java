package dev.flowbench.editor.language;

/**
 * The block-structure elements written on one line of YAML: list dashes, then a key or a scalar, read without a
 * parser so that half-typed and invalid lines still have a shape.
 *
 * <p>Columns and offsets are UTF-16 units; a column is the offset minus the line's start. A line such as
 * {@code   - id: build} has two elements: a dash at column 2 and the key {@code id} at column 4.
 */
final class YamlLine {
    /** Nothing but spaces. */
    static final byte BLANK = 0;
    /** Only a comment. */
    static final byte COMMENT = 1;
    /** Inside a block scalar, a multi-line quoted scalar or a multi-line flow collection. */
    static final byte CONTENT = 2;
    /** Dashes, a key or a scalar. */
    static final byte STRUCTURE = 3;
    /** {@code ---}, {@code ...} or a {@code %} directive. */
    static final byte MARKER = 4;

    /** Element kinds. */
    static final byte DASH = 0;

    static final byte KEY = 1;
    static final byte SCALAR = 2;

    private static final int[] NO_DASHES = new int[0];

    /** How a line's value continues on the following lines. */
    enum Continuation {
        NONE,
        BLOCK_SCALAR,
        QUOTED_DOUBLE,
        QUOTED_SINGLE,
        FLOW
    }

    final int start;
    final int end;
    byte kind;
    /** Columns of the dashes opening the line, in order. */
    int[] dashes = NO_DASHES;
    /** Column of the key or scalar after the dashes; -1 when the line ends after its dashes. */
    int tailColumn = -1;
    /** Whether the tail is a key ({@code key:}) rather than a scalar. */
    boolean tailIsKey;
    /** The key's text, unquoted; null when the tail is not a key. */
    String key;
    /** Offsets of the key as written (quotes included). */
    int keyStart = -1;

    int keyEnd = -1;
    /** Offsets of the value as written (after {@code key: }, or the scalar of a tail without key); -1 when none. */
    int valueStart = -1;

    int valueEnd = -1;
    /** How the value goes on past this line. */
    Continuation continuation = Continuation.NONE;
    /** For {@link #CONTENT} lines: the line whose value this one continues. */
    int owner = -1;

    YamlLine(int start, int end) {
        this.start = start;
        this.end = end;
    }

    /** The number of elements: dashes plus the tail if there is one. */
    int elementCount() {
        return dashes.length + (tailColumn >= 0 ? 1 : 0);
    }

    int column(int element) {
        return element < dashes.length ? dashes[element] : tailColumn;
    }

    byte elementKind(int element) {
        if (element < dashes.length) {
            return DASH;
        }
        return tailIsKey ? KEY : SCALAR;
    }

    /** The column of the first element; -1 for lines without structure. */
    int indent() {
        return kind != STRUCTURE ? -1 : column(0);
    }

    /** Whether element {@code element} holds the lines below it: a dash, or a key with nothing after it. */
    boolean opens(int element) {
        return switch (elementKind(element)) {
            case DASH -> true;
            case KEY -> valueStart < 0;
            default -> false;
        };
    }

    /** Whether this line's value is written here (not an empty key, not a block scalar's indicator only). */
    boolean hasInlineValue() {
        return valueStart >= 0 && continuation != Continuation.BLOCK_SCALAR;
    }

    /** Reads the line {@code [start, end)} of {@code text}; {@link #CONTENT} lines are marked by the caller. */
    static YamlLine read(String text, int start, int end) {
        YamlLine line = new YamlLine(start, end);
        int at = skipSpaces(text, start, end);
        if (at == end) {
            line.kind = BLANK;
            return line;
        }
        char first = text.charAt(at);
        if (first == '#') {
            line.kind = COMMENT;
            return line;
        }
        if (at == start
                && (first == '%'
                        || text.startsWith("---", at) && isBreak(text, at + 3, end)
                        || text.startsWith("...", at) && isBreak(text, at + 3, end))) {
            line.kind = MARKER;
            return line;
        }
        line.kind = STRUCTURE;
        int dashCount = 0;
        int[] dashes = new int[2];
        while (at < end && text.charAt(at) == '-' && isBreak(text, at + 1, end)) {
            if (dashCount == dashes.length) {
                dashes = java.util.Arrays.copyOf(dashes, dashCount * 2);
            }
            dashes[dashCount++] = at - start;
            at = skipSpaces(text, at + 1, end);
        }
        line.dashes = dashCount == 0 ? NO_DASHES : java.util.Arrays.copyOf(dashes, dashCount);
        if (at < end && text.charAt(at) != '#') {
            line.readTail(text, at);
        }
        return line;
    }

    private void readTail(String text, int at) {
        tailColumn = at - start;
        char first = text.charAt(at);
        if (first == '"' || first == '\'') {
            int close = closingQuote(text, at, end);
            if (close >= 0) {
                int after = skipSpaces(text, close + 1, end);
                if (after < end && text.charAt(after) == ':' && isBreak(text, after + 1, end)) {
                    tailIsKey = true;
                    keyStart = at;
                    keyEnd = close + 1;
                    key = unquote(text.substring(at, close + 1));
                    readValue(text, after + 1);
                    return;
                }
            }
            readValue(text, at);
            return;
        }
        if (first != '[' && (first != '{' || text.startsWith("{{", at))) {
            int colon = keyColon(text, at, end);
            if (colon >= 0) {
                tailIsKey = true;
                keyStart = at;
                keyEnd = trimEnd(text, at, colon);
                key = text.substring(keyStart, keyEnd);
                readValue(text, colon + 1);
                return;
            }
        }
        readValue(text, at);
    }

    /** Reads a value starting at or after {@code from}, up to a comment, and how it continues. */
    private void readValue(String text, int from) {
        int at = skipSpaces(text, from, end);
        // anchors and tags in front of a value that is written on the next lines
        int content = at;
        while (content < end && (text.charAt(content) == '&' || text.charAt(content) == '!')) {
            int token = content;
            while (token < end && text.charAt(token) != ' ' && text.charAt(token) != '\t') {
                token++;
            }
            content = skipSpaces(text, token, end);
        }
        if (content == end || text.charAt(content) == '#') {
            return; // an empty value: the lines below hold it
        }
        valueStart = at;
        char first = text.charAt(content);
        switch (first) {
            case '|', '>' -> {
                continuation = Continuation.BLOCK_SCALAR;
                valueEnd = plainEnd(text, content, end);
            }
            case '"', '\'' -> {
                int close = closingQuote(text, content, end);
                if (close < 0) {
                    continuation = first == '"' ? Continuation.QUOTED_DOUBLE : Continuation.QUOTED_SINGLE;
                    valueEnd = end;
                } else {
                    valueEnd = close + 1;
                }
            }
            case '[', '{' -> {
                if (text.startsWith("{{", content)) {
                    valueEnd = plainEnd(text, content, end);
                } else {
                    int depth = flowDepth(text, content, end, 0);
                    continuation = depth > 0 ? Continuation.FLOW : Continuation.NONE;
                    valueEnd = depth > 0 ? end : plainEnd(text, content, end);
                }
            }
            default -> valueEnd = plainEnd(text, content, end);
        }
    }

    /** The value's text as written, without quotes for a quoted scalar; null when there is no inline value. */
    String value(String text) {
        if (!hasInlineValue()) {
            return null;
        }
        return unquote(text.substring(valueStart, valueEnd));
    }

    /** The offset of the colon ending a plain key that starts at {@code at}, or -1. */
    static int keyColon(String text, int at, int end) {
        int braces = 0;
        for (int i = at; i < end; i++) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < end && text.charAt(i + 1) == '{') {
                braces++;
                i++;
            } else if (c == '}' && i + 1 < end && text.charAt(i + 1) == '}' && braces > 0) {
                braces--;
                i++;
            } else if (c == '#' && i > at && isSpace(text.charAt(i - 1))) {
                return -1;
            } else if (c == ':' && braces == 0 && isBreak(text, i + 1, end)) {
                return i;
            }
        }
        return -1;
    }

    /** The end of a plain value: before a {@code  #} comment, trailing spaces trimmed. */
    static int plainEnd(String text, int from, int end) {
        int stop = end;
        for (int i = from + 1; i < end; i++) {
            if (text.charAt(i) == '#' && isSpace(text.charAt(i - 1))) {
                stop = i;
                break;
            }
        }
        return trimEnd(text, from, stop);
    }

    /** The offset of the quote closing the quoted scalar opening at {@code open}, or -1 before {@code end}. */
    static int closingQuote(String text, int open, int end) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < end; i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The bracket depth after reading {@code [from, end)} starting at {@code depth}, quotes skipped. */
    static int flowDepth(String text, int from, int end, int depth) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = closingQuote(text, i, end);
                if (close < 0) {
                    return depth;
                }
                i = close;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '#' && i > from && isSpace(text.charAt(i - 1))) {
                return depth;
            }
        }
        return depth;
    }

    /** {@code raw} without its surrounding quotes and with YAML's simple escapes resolved. */
    static String unquote(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"') {
            return raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (raw.length() >= 2 && raw.charAt(0) == '\'' && raw.charAt(raw.length() - 1) == '\'') {
            return raw.substring(1, raw.length() - 1).replace("''", "'");
        }
        if (!raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
            return raw.substring(1); // an unterminated quote while typing
        }
        return raw;
    }

    static int skipSpaces(String text, int at, int end) {
        while (at < end && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    static int trimEnd(String text, int from, int to) {
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether {@code at} is the end of the line or a space: what must follow a dash or a key's colon. */
    static boolean isBreak(String text, int at, int end) {
        return at >= end || isSpace(text.charAt(at));
    }
}

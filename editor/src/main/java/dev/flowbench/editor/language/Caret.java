package dev.flowbench.editor.language;

import dev.flowbench.editor.language.YamlStructure.Element;

/**
 * Where a caret is in a document's structure, recovered from the line it is on and the lines above.
 *
 * @param kind what is being typed
 * @param holder the element holding what is typed: the mapping of a new key, the mapping of the key whose value
 *     is typed, the dash of a list item; the root for a top-level key
 * @param key the key whose value is typed ({@link Kind#VALUE}), else null
 * @param wordStart where the word being completed starts; completion replaces from here to the caret
 * @param word the text from {@code wordStart} to the caret
 * @param line the caret's line
 * @param column the column the new element starts at (keys and items)
 */
record Caret(Kind kind, Element holder, String key, int wordStart, String word, int line, int column) {
    /** What the caret is typing. */
    enum Kind {
        /** A key of the mapping held by {@code holder}. */
        KEY,
        /** The value of {@code key} in the mapping held by {@code holder}. */
        VALUE,
        /** The content of a list item just after its dash: a key of a new mapping, or a scalar item. */
        ITEM,
        /** Inside a {@code {{ }}} expression; {@code word} is the expression text before the caret. */
        EXPRESSION,
        /** A comment, a block scalar, or nowhere useful. */
        NONE
    }

    static Caret none(int caret, int line) {
        return new Caret(Kind.NONE, YamlStructure.ROOT, null, caret, "", line, 0);
    }

    /** Locates {@code caret} (an offset into the structure's text). */
    static Caret locate(YamlStructure structure, int caret) {
        String text = structure.text();
        int offset = Math.clamp(caret, 0, text.length());
        int number = structure.lineOf(offset);
        YamlLine line = structure.line(number);
        int lineStart = structure.lineStart(number);
        if (line.kind == YamlLine.COMMENT || line.kind == YamlLine.MARKER) {
            return none(offset, number);
        }
        int expression = openExpression(text, lineStart, offset);
        if (expression >= 0) {
            Element holder = expressionHolder(structure, number, line);
            return new Caret(Kind.EXPRESSION, holder, null, expression, text.substring(expression, offset), number, 0);
        }
        if (line.kind == YamlLine.CONTENT) {
            return none(offset, number);
        }
        YamlLine typed = YamlLine.read(text, lineStart, offset);
        switch (typed.kind) {
            case YamlLine.BLANK -> {
                int column = offset - lineStart;
                return new Caret(
                        Kind.KEY, structure.parentAt(number, column, YamlLine.KEY), null, offset, "", number, column);
            }
            case YamlLine.STRUCTURE -> {
                return structural(structure, typed, number, lineStart, offset);
            }
            default -> {
                return none(offset, number);
            }
        }
    }

    private static Caret structural(YamlStructure structure, YamlLine typed, int number, int lineStart, int offset) {
        String text = structure.text();
        int dashes = typed.dashes.length;
        if (typed.tailIsKey) {
            if (typed.continuation == YamlLine.Continuation.BLOCK_SCALAR) {
                return none(offset, number);
            }
            Element holder = dashes > 0
                    ? new Element(number, dashes - 1)
                    : structure.parentAt(number, typed.tailColumn, YamlLine.KEY);
            int start = typed.valueStart < 0 ? offset : typed.valueStart;
            if (start < offset && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
                start++;
            }
            return new Caret(
                    Kind.VALUE, holder, typed.key, start, text.substring(start, offset), number, typed.tailColumn);
        }
        if (typed.tailColumn < 0) {
            if (dashes == 0) {
                return none(offset, number);
            }
            // "- " and nothing yet
            return new Caret(Kind.ITEM, new Element(number, dashes - 1), null, offset, "", number, offset - lineStart);
        }
        int start = lineStart + typed.tailColumn;
        String word = text.substring(start, offset);
        if (dashes > 0) {
            if (word.startsWith("\"") || word.startsWith("'")) {
                start++;
                word = word.substring(1);
            }
            return new Caret(Kind.ITEM, new Element(number, dashes - 1), null, start, word, number, typed.tailColumn);
        }
        if (!isKeyLike(word)) {
            return none(offset, number);
        }
        return new Caret(
                Kind.KEY,
                structure.parentAt(number, typed.tailColumn, YamlLine.KEY),
                null,
                start,
                word,
                number,
                typed.tailColumn);
    }

    /** Where the innermost {@code {{} still open at the caret starts (after the braces), or -1. */
    static int openExpression(String text, int lineStart, int caret) {
        int open = text.lastIndexOf("{{", caret - 2);
        if (open < lineStart) {
            return -1;
        }
        int close = text.indexOf("}}", open + 2);
        return close >= 0 && close + 2 <= caret ? -1 : open + 2;
    }

    /** The element an expression belongs to: the key or item of its line, or of the line a block value starts on. */
    private static Element expressionHolder(YamlStructure structure, int number, YamlLine line) {
        int owner = line.kind == YamlLine.CONTENT ? line.owner : number;
        YamlLine ownerLine = structure.line(owner);
        if (ownerLine.kind != YamlLine.STRUCTURE || ownerLine.elementCount() == 0) {
            return YamlStructure.ROOT;
        }
        return new Element(owner, ownerLine.elementCount() - 1);
    }

    private static boolean isKeyLike(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$')) {
                return false;
            }
        }
        return true;
    }
}

package dev.flowbench.editor.edit;

import dev.flowbench.editor.syntax.TokenKind;
import dev.flowbench.editor.syntax.Tokens;
import dev.flowbench.editor.syntax.YamlLexer;

/**
 * What Enter does in a YAML document: keep the indentation, indent once more after a line that opens a block
 * ({@code key:} or a block scalar header), continue a {@code - } list of scalars, continue the mapping of a
 * {@code - key: value} item at its key's column, and end a list when Enter is pressed on an empty {@code - }.
 */
public final class SmartEnter {
    /** Indentation step in spaces. */
    public static final int INDENT = 2;

    private SmartEnter() {}

    /** The edit for Enter with the selection {@code from..to} (equal for a bare caret); never null. */
    public static Edit newline(String text, int from, int to) {
        int lineStart = Lines.lineStart(text, from);
        int lineEnd = Lines.lineEnd(text, from);
        int column = from - lineStart;
        int indent = Lines.indentation(text, lineStart, lineEnd);
        if (column <= indent) {
            return insert(from, to, Math.min(column, indent), "");
        }
        String line = text.substring(lineStart, lineEnd);
        Tokens tokens = YamlLexer.lex(line.substring(0, column));
        int first = 0;
        boolean listItem = tokens.size() > 0 && isSequenceDash(line, tokens, 0);
        if (listItem) {
            first = 1;
        }
        boolean restOfLineEmpty = to >= lineEnd || Lines.isBlank(text, to, lineEnd);
        if (listItem && tokens.size() == 1 && restOfLineEmpty && from == to) {
            return endList(lineStart, lineEnd, indent);
        }
        int contentColumn = first < tokens.size() ? tokens.start(first) : indent;
        int last = lastSignificant(tokens);
        if (last >= 0 && opensBlock(line, tokens, last)) {
            return insert(from, to, contentColumn + INDENT, "");
        }
        if (listItem) {
            boolean mappingItem = hasKey(tokens, first);
            return mappingItem ? insert(from, to, contentColumn, "") : insert(from, to, indent, "- ");
        }
        return insert(from, to, indent, "");
    }

    private static Edit insert(int from, int to, int indent, String suffix) {
        String inserted = "\n" + " ".repeat(indent) + suffix;
        int caret = from + inserted.length();
        return new Edit(from, to, inserted, caret, caret);
    }

    /** Enter on an empty list item removes its dash and outdents, leaving the caret on that line. */
    private static Edit endList(int lineStart, int lineEnd, int indent) {
        int newIndent = Math.max(0, indent - INDENT);
        int caret = lineStart + newIndent;
        return new Edit(lineStart, lineEnd, " ".repeat(newIndent), caret, caret);
    }

    private static boolean isSequenceDash(String line, Tokens tokens, int i) {
        return tokens.kind(i) == TokenKind.PUNCTUATION && line.charAt(tokens.start(i)) == '-';
    }

    private static int lastSignificant(Tokens tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.kind(i) != TokenKind.COMMENT) {
                return i;
            }
        }
        return -1;
    }

    private static boolean opensBlock(String line, Tokens tokens, int i) {
        TokenKind kind = tokens.kind(i);
        if (kind == TokenKind.BLOCK_SCALAR_INDICATOR) {
            return true;
        }
        return kind == TokenKind.PUNCTUATION && line.charAt(tokens.start(i)) == ':';
    }

    private static boolean hasKey(Tokens tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.kind(i) == TokenKind.KEY) {
                return true;
            }
        }
        return false;
    }
}

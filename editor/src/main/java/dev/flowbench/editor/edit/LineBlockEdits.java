package dev.flowbench.editor.edit;

import java.util.function.UnaryOperator;

/**
 * Edits applied to every line a selection touches: Tab / Shift+Tab block indentation and toggle comment. Each
 * returns one {@link Edit} replacing the whole block, so the change is one undo step, and keeps the same lines
 * selected.
 */
public final class LineBlockEdits {
    private LineBlockEdits() {}

    /**
     * Tab: with a selection spanning lines, indent each non-blank line by two spaces; otherwise replace the
     * selection with spaces up to the next multiple of two columns.
     */
    public static Edit indent(String text, int from, int to) {
        if (!spansLines(text, from, to)) {
            int column = from - Lines.lineStart(text, from);
            String spaces = " ".repeat(SmartEnter.INDENT - column % SmartEnter.INDENT);
            int caret = from + spaces.length();
            return new Edit(from, to, spaces, caret, caret);
        }
        return eachLine(text, from, to, line -> line.isBlank() ? line : " ".repeat(SmartEnter.INDENT) + line);
    }

    /** Shift+Tab: remove up to two leading spaces from each line the selection touches. */
    public static Edit outdent(String text, int from, int to) {
        return eachLine(text, from, to, line -> {
            int spaces = 0;
            while (spaces < SmartEnter.INDENT && spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            return line.substring(spaces);
        });
    }

    /**
     * Ctrl+/: when every non-blank line touched is a comment, uncomment them (remove {@code #} and one space
     * after it); otherwise comment them all with {@code # } at the smallest indentation among them.
     */
    public static Edit toggleComment(String text, int from, int to) {
        int[] block = block(text, from, to);
        String[] lines = text.substring(block[0], block[1]).split("\n", -1);
        boolean allComments = true;
        int minIndent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int indent = Lines.indentation(line, 0, line.length());
            minIndent = Math.min(minIndent, indent);
            allComments &= line.startsWith("#", indent);
        }
        if (minIndent == Integer.MAX_VALUE) {
            return eachLine(text, from, to, line -> line + "# ");
        }
        int column = minIndent;
        if (allComments) {
            return eachLine(text, from, to, line -> {
                int hash = line.indexOf('#');
                if (hash < 0 || !line.substring(0, hash).isBlank()) {
                    return line;
                }
                int after = line.startsWith(" ", hash + 1) ? hash + 2 : hash + 1;
                return line.substring(0, hash) + line.substring(after);
            });
        }
        return eachLine(
                text,
                from,
                to,
                line -> line.isBlank() ? line : line.substring(0, column) + "# " + line.substring(column));
    }

    private static boolean spansLines(String text, int from, int to) {
        return text.substring(from, to).indexOf('\n') >= 0;
    }

    /**
     * The lines {@code from..to} touches as {@code [blockStart, blockEnd]}; a selection ending at the start of a
     * line does not touch that line.
     */
    private static int[] block(String text, int from, int to) {
        int last = to > from && to == Lines.lineStart(text, to) ? to - 1 : to;
        return new int[] {Lines.lineStart(text, from), Lines.lineEnd(text, last)};
    }

    private static Edit eachLine(String text, int from, int to, UnaryOperator<String> change) {
        int[] block = block(text, from, to);
        String[] lines = text.substring(block[0], block[1]).split("\n", -1);
        var out = new StringBuilder();
        int newFrom = from;
        int newTo = to;
        int oldLineStart = block[0];
        for (int i = 0; i < lines.length; i++) {
            String changed = change.apply(lines[i]);
            int delta = changed.length() - lines[i].length();
            newFrom += shiftFor(from, oldLineStart, lines[i], changed, delta, from == to);
            newTo += shiftFor(to, oldLineStart, lines[i], changed, delta, true);
            out.append(changed);
            if (i < lines.length - 1) {
                out.append('\n');
            }
            oldLineStart += lines[i].length() + 1;
        }
        return new Edit(block[0], block[1], out.toString(), Math.max(block[0], newFrom), Math.max(block[0], newTo));
    }

    /**
     * How far a selection end at {@code offset} moves when the line at {@code lineStart} changes from
     * {@code before} to {@code after}: not at all before the changed part, by the full difference after it, to the
     * start of the new part inside it. Text inserted exactly at the offset pushes it along only when
     * {@code moveAtInsert}, so a selection starting at a line start grows to include a new indent or comment mark.
     */
    private static int shiftFor(
            int offset, int lineStart, String before, String after, int delta, boolean moveAtInsert) {
        if (offset < lineStart) {
            return 0;
        }
        int column = offset - lineStart;
        if (column > before.length()) {
            return delta;
        }
        int prefix = commonPrefix(before, after);
        int suffix = commonSuffix(before, after, Math.min(before.length(), after.length()) - prefix);
        int oldEnd = before.length() - suffix;
        int newEnd = after.length() - suffix;
        if (column < prefix) {
            return 0;
        }
        if (column >= oldEnd) {
            return column == prefix && !moveAtInsert ? 0 : delta;
        }
        return prefix + Math.min(column - prefix, newEnd - prefix) - column;
    }

    private static int commonSuffix(String a, String b, int limit) {
        int i = 0;
        while (i < limit && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}

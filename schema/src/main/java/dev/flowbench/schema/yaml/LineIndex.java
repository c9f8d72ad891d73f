package dev.flowbench.schema.yaml;

import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import java.util.Arrays;

/**
 * Maps offsets of one text to lines and columns, and SnakeYAML's code-point indexes to UTF-16 offsets.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as LSP counts them; columns and offsets are
 * UTF-16 code units, as JavaFX and LSP count them. SnakeYAML counts code points, which differ only after a
 * character outside the Basic Multilingual Plane, so the conversion table is empty for most texts.
 */
final class LineIndex {
    private static final int[] NONE = new int[0];

    private final int length;
    private final int[] lineStarts;
    private final int lineCount;
    /** For the k-th supplementary character: its code-point index (sorted); empty when there is none. */
    private final int[] supplementaryCodePoints;
    /** Offset of the first character YAML does not allow (controls, lone surrogates), or -1. */
    private final int firstDisallowed;

    private LineIndex(int length, int[] lineStarts, int lineCount, int[] supplementaryCodePoints, int firstDisallowed) {
        this.length = length;
        this.lineStarts = lineStarts;
        this.lineCount = lineCount;
        this.supplementaryCodePoints = supplementaryCodePoints;
        this.firstDisallowed = firstDisallowed;
    }

    /** Indexes {@code text} in one pass, noting on the way whether it holds characters YAML forbids. */
    static LineIndex of(CharSequence text) {
        int length = text.length();
        int[] starts = new int[Math.max(16, length / 32)];
        int count = 1;
        int[] supplementary = NONE;
        int supplementaryCount = 0;
        int disallowed = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > '\r') {
                if (c >= 0x20 && c < 0x7F) {
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (supplementaryCount == supplementary.length) {
                        supplementary = Arrays.copyOf(supplementary, Math.max(8, supplementaryCount * 2));
                    }
                    // code-point index of this character = its UTF-16 offset minus the earlier extra units
                    supplementary[supplementaryCount] = i - supplementaryCount;
                    supplementaryCount++;
                    i++;
                } else if (disallowed < 0 && !isAllowed(c)) {
                    disallowed = i;
                }
                continue;
            }
            if (c != '\n' && c != '\r') {
                if (disallowed < 0 && c != '\t') {
                    disallowed = i;
                }
                continue;
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(length, starts, count, Arrays.copyOf(supplementary, supplementaryCount), disallowed);
    }

    /**
     * The index of {@code text}, which is the text {@code before} indexed with {@code [from, oldTo)} replaced by
     * {@code [from, newTo)} of {@code text}: only the replaced part is read when the rest is plain (no
     * supplementary or disallowed character, no carriage return near the edit); otherwise all of it.
     */
    static LineIndex edited(LineIndex before, CharSequence text, int from, int oldTo, int newTo) {
        if (before.supplementaryCodePoints.length > 0
                || before.firstDisallowed >= 0
                || from > 0 && text.charAt(from - 1) == '\r'
                || newTo < text.length() && text.charAt(newTo) == '\r') {
            return of(text);
        }
        int delta = newTo - oldTo;
        int kept = before.lineOf(from) + 1; // line starts at or before `from` follow a line break before it
        int[] starts = new int[before.lineCount + 16];
        System.arraycopy(before.lineStarts, 0, starts, 0, kept);
        int count = kept;
        for (int i = from; i < newTo; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            } else if (c == '\r' || c < 0x20 && c != '\t' || c > 0x7E && !isPlainWide(c)) {
                return of(text);
            }
        }
        int first = before.lineOf(oldTo);
        while (first < before.lineCount && before.lineStarts[first] <= oldTo) {
            first++; // a start after `oldTo` follows a line break that the edit kept
        }
        int rest = before.lineCount - first;
        if (count + rest > starts.length) {
            starts = Arrays.copyOf(starts, count + rest);
        }
        for (int line = first; line < before.lineCount; line++) {
            starts[count++] = before.lineStarts[line] + delta;
        }
        return new LineIndex(text.length(), starts, count, NONE, -1);
    }

    /** A character of the Basic Multilingual Plane that YAML allows and that is not part of a surrogate pair. */
    private static boolean isPlainWide(char c) {
        return !Character.isSurrogate(c) && isAllowed(c);
    }

    /** Whether YAML 1.2 allows {@code c} (tab, line breaks and printable characters; paired surrogates aside). */
    static boolean isAllowed(char c) {
        return c >= 0x20 && c <= 0x7E
                || c == '\n'
                || c == '\r'
                || c == '\t'
                || c == 0x85
                || c >= 0xA0 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD;
    }

    /** Offset of the first character YAML does not allow, or -1 when there is none. */
    int firstDisallowed() {
        return firstDisallowed;
    }

    int length() {
        return length;
    }

    int lineCount() {
        return lineCount;
    }

    /** The zero-based line holding {@code offset}, clamped into the text. */
    int lineOf(int offset) {
        int at = Arrays.binarySearch(lineStarts, 0, lineCount, clamp(offset));
        return at >= 0 ? at : -at - 2;
    }

    /** The offset where {@code line} starts, clamped to the existing lines. */
    int lineStart(int line) {
        return lineStarts[Math.clamp(line, 0, lineCount - 1)];
    }

    /** The offset just before the line break that ends {@code line} (or the end of the text). */
    int lineEnd(CharSequence text, int line) {
        int end = line + 1 < lineCount ? lineStarts[line + 1] : length;
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The position of {@code offset}, clamped into the text. */
    Position position(int offset) {
        int at = clamp(offset);
        int line = lineOf(at);
        return new Position(line, at - lineStarts[line], at);
    }

    Range range(int start, int end) {
        Position from = position(start);
        return new Range(from, end <= start ? from : position(end));
    }

    /** The offset of a zero-based line and UTF-16 column, clamped into the line and the text. */
    int offset(int line, int column) {
        if (line >= lineCount) {
            return length;
        }
        int start = lineStart(line);
        int next = line + 1 < lineCount ? lineStarts[line + 1] : length;
        return Math.clamp((long) start + Math.max(0, column), start, next);
    }

    /** The UTF-16 offset of a code-point index as SnakeYAML marks count it. */
    int utf16(int codePointIndex) {
        if (supplementaryCodePoints.length == 0) {
            return Math.min(codePointIndex, length);
        }
        // every supplementary character before the index adds one UTF-16 unit
        int at = Arrays.binarySearch(supplementaryCodePoints, codePointIndex);
        int before = at >= 0 ? at : -at - 1;
        return Math.min(codePointIndex + before, length);
    }

    private int clamp(int offset) {
        return Math.clamp(offset, 0, length);
    }
}

package dev.flowbench.editor.language;

import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The block structure of a YAML text recovered from indentation alone: which key or list item holds which line.
 * Unlike a parser it never stops at an error, so completion and hover know where the caret is while the user
 * is in the middle of typing. Built in one pass over the text; immutable and safe to share between threads.
 *
 * <p>An {@link Element} is a dash or a key (or a scalar) on a line. A key written without a value and a dash
 * "open" a block: the lines below them that are indented further belong to them.
 */
final class YamlStructure {
    /** An element on a line, or {@link #ROOT}, the document itself. */
    record Element(int line, int index) {
        boolean isRoot() {
            return line < 0;
        }
    }

    static final Element ROOT = new Element(-1, -1);

    private final String text;
    private final YamlLine[] lines;
    private final int[] lineStarts;
    /**
     * For the first element of each structure line: the nearest element before it further left (or a key at
     * its column above a dash): its line, -1 for the root, and its index on that line. Elements after the first
     * on a line have the element before them. Following these links from any element walks what an indentation
     * stack would hold, so parents are found in time proportional to the depth, not to the distance.
     */
    private final int[] leftLine;

    private final int[] leftIndex;
    /** For a line starting with a dash: its position among the items of its list. */
    private final int[] itemIndex;

    private YamlStructure(String text, YamlLine[] lines, int[] lineStarts) {
        this.text = text;
        this.lines = lines;
        this.lineStarts = lineStarts;
        this.leftLine = new int[lines.length];
        this.leftIndex = new int[lines.length];
        this.itemIndex = new int[lines.length];
        link();
    }

    /** Fills {@link #leftLine}, {@link #leftIndex} and {@link #itemIndex} in one pass, like an indentation stack. */
    private void link() {
        Element last = ROOT;
        for (int m = 0; m < lines.length; m++) {
            YamlLine line = lines[m];
            if (line.kind == YamlLine.MARKER) {
                last = ROOT;
                continue;
            }
            if (line.kind != YamlLine.STRUCTURE) {
                continue;
            }
            int column = line.column(0);
            byte kind = line.elementKind(0);
            Element top = last;
            Element sibling = null;
            while (!top.isRoot() && !holds(top, column, kind)) {
                if (sibling == null && kind == YamlLine.DASH && column(top) == column && kind(top) == YamlLine.DASH) {
                    sibling = top; // the previous item of the same list
                }
                top = leftOf(top);
            }
            leftLine[m] = top.line;
            leftIndex[m] = top.index;
            itemIndex[m] = sibling == null ? 0 : (sibling.index > 0 ? 0 : itemIndex[sibling.line]) + 1;
            last = new Element(m, line.elementCount() - 1);
        }
    }

    /** Whether {@code candidate} is further left than an element of {@code kind} at {@code column}. */
    private boolean holds(Element candidate, int column, byte kind) {
        int c = column(candidate);
        return c < column
                || c == column && kind == YamlLine.DASH && kind(candidate) == YamlLine.KEY && opens(candidate);
    }

    /** The element {@code element} is linked to: the one before it on its line, else {@link #leftLine}'s. */
    private Element leftOf(Element element) {
        if (element.index > 0) {
            return new Element(element.line, element.index - 1);
        }
        int line = leftLine[element.line];
        return line < 0 ? ROOT : new Element(line, leftIndex[element.line]);
    }

    /** Reads the structure of {@code text}; never throws. */
    static YamlStructure of(String text) {
        int length = text.length();
        YamlLine[] lines = new YamlLine[Math.max(16, length / 24)];
        int[] starts = new int[lines.length];
        int count = 0;
        int start = 0;
        ContinuedValue region = null;
        while (true) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
            }
            YamlLine line;
            if (region != null && region.holds(text, start, end)) {
                line = new YamlLine(start, end);
                line.kind = YamlLine.CONTENT;
                line.owner = region.owner;
                if (region.closedBy(text, start, end)) {
                    region = null;
                }
            } else {
                line = YamlLine.read(text, start, end);
                region = ContinuedValue.openedBy(line, count, text);
            }
            lines[count] = line;
            starts[count] = start;
            count++;
            if (end >= length) {
                break;
            }
            start = end + (text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return new YamlStructure(text, Arrays.copyOf(lines, count), Arrays.copyOf(starts, count));
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lines.length;
    }

    YamlLine line(int index) {
        return lines[index];
    }

    /** The line holding {@code offset}, clamped into the text. */
    int lineOf(int offset) {
        int at = Arrays.binarySearch(lineStarts, Math.clamp(offset, 0, text.length()));
        return at >= 0 ? at : -at - 2;
    }

    /** The position of {@code offset}, clamped into the text. */
    Position position(int offset) {
        int at = Math.clamp(offset, 0, text.length());
        int line = lineOf(at);
        return new Position(line, at - lineStarts[line], at);
    }

    Range range(int start, int end) {
        Position from = position(start);
        return new Range(from, end <= start ? from : position(end));
    }

    /** The column of an element. */
    int column(Element element) {
        return lines[element.line].column(element.index);
    }

    byte kind(Element element) {
        return lines[element.line].elementKind(element.index);
    }

    /** Whether {@code element} holds the lines below it (a dash, a key without inline value, the root). */
    boolean opens(Element element) {
        return element.isRoot() || lines[element.line].opens(element.index);
    }

    /** The key of a key element, else null. */
    String key(Element element) {
        return element.isRoot() || kind(element) != YamlLine.KEY ? null : lines[element.line].key;
    }

    /** The inline value of a key element, or the scalar of a list item, unquoted; null when there is none. */
    String value(Element element) {
        if (element.isRoot()) {
            return null;
        }
        YamlLine line = lines[element.line];
        if (line.elementKind(element.index) == YamlLine.DASH) {
            if (element.index != line.dashes.length - 1 || line.tailIsKey) {
                return null;
            }
        }
        return line.value(text);
    }

    /** The element holding {@code element}: the dash before it on its line, else the nearest opener above. */
    Element parent(Element element) {
        if (element.isRoot()) {
            return null;
        }
        return holder(leftOf(element));
    }

    /**
     * The element that holds an element of {@code kind} written at {@code column} on {@code line} (which may be
     * blank or half-typed): the nearest element above further left that opens a block. A list may sit at its
     * key's own column ({@code tasks:} then {@code - id:}).
     */
    Element parentAt(int line, int column, byte kind) {
        Element top = ROOT;
        for (int m = Math.min(line, lines.length) - 1; m >= 0; m--) {
            if (lines[m].kind == YamlLine.MARKER) {
                return ROOT;
            }
            if (lines[m].kind == YamlLine.STRUCTURE) {
                top = new Element(m, lines[m].elementCount() - 1);
                break;
            }
        }
        while (!top.isRoot() && !holds(top, column, kind)) {
            top = leftOf(top);
        }
        return holder(top);
    }

    /** {@code found} if it opens a block; else the new element is its sibling, mis-indented: its holder. */
    private Element holder(Element found) {
        Element at = found;
        while (!at.isRoot() && !opens(at)) {
            at = leftOf(at);
        }
        return at;
    }

    /** The column of the elements {@code opener} holds, or -1 when it holds none. */
    int childColumn(Element opener) {
        if (opener.isRoot()) {
            for (YamlLine line : lines) {
                if (line.kind == YamlLine.STRUCTURE) {
                    return line.indent(); // a "---" before the first document is skipped
                }
            }
            return -1;
        }
        YamlLine line = lines[opener.line];
        if (opener.index < line.elementCount() - 1) {
            return line.column(opener.index + 1);
        }
        if (!line.opens(opener.index)) {
            return -1;
        }
        int column = line.column(opener.index);
        boolean isKey = line.elementKind(opener.index) == YamlLine.KEY;
        for (int m = opener.line + 1; m < lines.length; m++) {
            YamlLine below = lines[m];
            if (below.kind == YamlLine.MARKER) {
                return -1;
            }
            if (below.kind == YamlLine.STRUCTURE) {
                int indent = below.indent();
                boolean compact = indent == column && isKey && below.elementKind(0) == YamlLine.DASH;
                return indent > column || compact ? indent : -1;
            }
        }
        return -1;
    }

    /** The first line after the block of {@code opener} (exclusive end). */
    int blockEnd(Element opener) {
        if (opener.isRoot()) {
            boolean seen = false;
            for (int m = 0; m < lines.length; m++) {
                if (lines[m].kind == YamlLine.MARKER && seen) {
                    return m;
                }
                seen |= lines[m].kind == YamlLine.STRUCTURE;
            }
            return lines.length;
        }
        int column = column(opener);
        boolean isKey = kind(opener) == YamlLine.KEY;
        boolean compact = isKey && childColumn(opener) == column;
        for (int m = opener.line + 1; m < lines.length; m++) {
            YamlLine below = lines[m];
            if (below.kind == YamlLine.MARKER) {
                return m;
            }
            if (below.kind != YamlLine.STRUCTURE) {
                continue;
            }
            int indent = below.indent();
            if (indent < column
                    || indent == column && !isKey
                    || indent == column && !(compact && below.elementKind(0) == YamlLine.DASH)) {
                return m;
            }
        }
        return lines.length;
    }

    /** The last line of the block of {@code opener} that holds something (not blank or a comment). */
    int lastLine(Element opener) {
        int end = blockEnd(opener);
        for (int m = end - 1; m > Math.max(opener.line, 0); m--) {
            byte kind = lines[m].kind;
            if (kind == YamlLine.STRUCTURE || kind == YamlLine.CONTENT) {
                return m;
            }
        }
        return Math.max(opener.line, 0);
    }

    /** The elements directly held by {@code opener}, in order: keys of a mapping or dashes of a list. */
    List<Element> children(Element opener) {
        int column = childColumn(opener);
        if (column < 0) {
            return List.of();
        }
        var children = new ArrayList<Element>();
        int from = 0;
        if (!opener.isRoot()) {
            YamlLine line = lines[opener.line];
            if (opener.index < line.elementCount() - 1) {
                children.add(new Element(opener.line, opener.index + 1));
            }
            from = opener.line + 1;
        }
        int end = blockEnd(opener);
        for (int m = from; m < end; m++) {
            if (lines[m].kind == YamlLine.STRUCTURE && lines[m].indent() == column) {
                children.add(new Element(m, 0));
            }
        }
        return children;
    }

    /** The key element {@code key} directly held by {@code opener}, or null. */
    Element child(Element opener, String key) {
        for (Element child : children(opener)) {
            if (key.equals(key(child))) {
                return child;
            }
        }
        return null;
    }

    /** The inline value of key {@code key} directly held by {@code opener}, or null. */
    String childValue(Element opener, String key) {
        Element child = opener == null ? null : child(opener, key);
        return child == null ? null : value(child);
    }

    /** The position of a dash among the items of its list. */
    int index(Element dash) {
        return dash.index > 0 ? 0 : itemIndex[dash.line];
    }

    /** The path segment an opener adds: its key, or its index for a dash. */
    String segment(Element element) {
        return kind(element) == YamlLine.DASH ? String.valueOf(index(element)) : key(element);
    }

    /** {@code element} and the elements holding it, outermost first, without the root. */
    List<Element> chain(Element element) {
        var chain = new ArrayList<Element>();
        for (Element at = element; at != null && !at.isRoot(); at = parent(at)) {
            chain.add(at);
        }
        return chain.reversed();
    }

    /** The JSON-pointer segments of {@code chain}. */
    List<String> path(List<Element> chain) {
        var path = new ArrayList<String>(chain.size());
        for (Element element : chain) {
            path.add(segment(element));
        }
        return path;
    }

    /** The element a JSON-pointer path (keys and list indexes below the root) leads to, or null. */
    Element find(List<String> path) {
        Element at = ROOT;
        for (String segment : path) {
            List<Element> children = children(at);
            Element next = null;
            if (!children.isEmpty() && kind(children.getFirst()) == YamlLine.DASH) {
                if (!segment.isEmpty()
                        && segment.length() < 9
                        && segment.chars().allMatch(Character::isDigit)) {
                    int index = Integer.parseInt(segment);
                    next = index < children.size() ? children.get(index) : null;
                }
            } else {
                for (Element child : children) {
                    if (segment.equals(key(child))) {
                        next = child;
                        break;
                    }
                }
            }
            if (next == null) {
                return null;
            }
            at = next;
        }
        return at;
    }

    /** Offset of the start of a line. */
    int lineStart(int line) {
        return lineStarts[line];
    }
}

package dev.flowbench.schema.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an edited text again by parsing only the block-collection entry the edit lies in, and splicing it
 * into the previous parse: the values of every other entry are the previous parse's own objects.
 *
 * <p>An entry of a block mapping or item of a block sequence is a unit when every sibling starts its own line
 * at the same column; a unit then spans whole lines, from its own first line to the first line of the next
 * sibling (or the end of its parent's span), and can be parsed on its own: in block context nothing outside
 * those lines changes how they read, because the lines around are unchanged and begin at a column that ends
 * whatever the unit holds. The deepest unit holding the whole edit is parsed alone. The splice is refused, and
 * the caller parses everything, unless the previous parse was clean and self-contained (no syntax diagnostic,
 * anchor, alias or merge key), and the unit parses alone cleanly into exactly one entry of the same kind and
 * key. Offsets after the edit are shifted; so the result is the one a full parse gives.
 */
final class Reparse {
    private Reparse() {}

    /** The spliced parse of {@code text}, or null when only a full parse gives the right answer. */
    static YamlDocument of(YamlDocument previous, String text, YamlLimits limits) {
        if (!previous.reusable() || previous.rootNodes().size() != 1 || text.length() > limits.maxChars()) {
            return null;
        }
        String old = previous.text();
        if (old.equals(text)) {
            return previous;
        }
        int prefix = commonPrefix(old, text);
        int suffix = commonSuffix(old, text, prefix);
        int changeEnd = old.length() - suffix;
        int delta = text.length() - old.length();

        List<Node> ancestors = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        LineIndex lines = previous.lines();
        Node parent = previous.rootNodes().getFirst();
        int spanEnd = old.length();
        int unitStart = -1;
        int unitEnd = -1;
        while (parent.style == YamlNode.Style.BLOCK && parent.kind != YamlNode.Kind.SCALAR && !parent.alias) {
            int[] span = new int[2];
            int index = unitHolding(parent, old, lines, spanEnd, prefix, changeEnd, span);
            if (index < 0) {
                break;
            }
            ancestors.add(parent);
            indexes.add(index);
            unitStart = span[0];
            unitEnd = span[1];
            spanEnd = span[1];
            parent = parent.kids[index];
        }
        if (ancestors.isEmpty()) {
            return null;
        }
        Node unitParent = ancestors.getLast();
        Node replaced = unitParent.kids[indexes.getLast()];
        int column = replaced.keyStart - unitStart;
        Node fresh =
                parseUnit(text.substring(unitStart, unitEnd + delta), column, unitParent, replaced, limits, ancestors);
        if (fresh == null) {
            return null;
        }
        LineIndex newLines = LineIndex.edited(lines, text, prefix, changeEnd, changeEnd + delta);
        if (newLines.firstDisallowed() >= 0) {
            return null;
        }
        shift(fresh, unitStart);
        Node spliced = fresh;
        for (int level = ancestors.size() - 1; level >= 0; level--) {
            spliced = withKid(ancestors.get(level), indexes.get(level), spliced, delta);
        }
        return new YamlDocument(text, newLines, List.of(spliced), List.of(), true);
    }

    /**
     * The index of the kid of {@code parent} whose span holds {@code [from, to)}, with its span in {@code
     * span}; -1 when the kids are not units or no single one holds the change.
     */
    private static int unitHolding(
            Node parent, String text, LineIndex lines, int parentEnd, int from, int to, int[] span) {
        int count = parent.kidCount;
        if (count == 0) {
            return -1;
        }
        int column = -1;
        int found = -1;
        for (int i = 0; i < count; i++) {
            Node kid = parent.kids[i];
            if (kid.borrowed || kid.keyStart < 0) {
                return -1;
            }
            int line = lines.lineOf(kid.keyStart);
            int lineStart = lines.lineStart(line);
            if (!isBlank(text, lineStart, kid.keyStart)) {
                return -1; // shares its line with what comes before: not a unit
            }
            int kidColumn = kid.keyStart - lineStart;
            if (column >= 0 && kidColumn != column) {
                return -1;
            }
            column = kidColumn;
            if (found < 0 && lineStart <= from) {
                int end = i + 1 < count ? lines.lineStart(lines.lineOf(parent.kids[i + 1].keyStart)) : parentEnd;
                // the line break that ends the span must survive, or the next line joins this unit
                if (to < end || to == end && end == text.length()) {
                    found = i;
                    span[0] = lineStart;
                    span[1] = end;
                }
            }
        }
        return found;
    }

    /** The unit's text parsed alone into the single entry it must hold, unshifted; null if it does not. */
    private static Node parseUnit(
            String unit, int column, Node parent, Node replaced, YamlLimits limits, List<Node> ancestors) {
        int depthLeft = limits.maxDepth() - ancestors.size();
        if (depthLeft < 1 || hasDocumentMarker(unit) || hasExplicitKey(unit)) {
            return null;
        }
        YamlDocument alone =
                YamlReader.read(unit, new YamlLimits(limits.maxChars(), depthLeft, limits.maxAliasExpansion()));
        if (!alone.reusable() || alone.rootNodes().size() != 1) {
            return null;
        }
        Node root = alone.rootNodes().getFirst();
        if (root.kind != parent.kind || root.style != YamlNode.Style.BLOCK || root.kidCount != 1) {
            return null;
        }
        Node entry = root.kids[0];
        if (entry.keyStart != column || !isBlank(unit, 0, column)) {
            return null; // something now stands before the key or dash, which can change the indentation
        }
        if (parent.kind == YamlNode.Kind.MAPPING && !replaced.key.equals(entry.key)) {
            return null; // a renamed key could clash with a sibling: the full parse reports that
        }
        return entry;
    }

    /** A copy of {@code parent} with kid {@code index} replaced and the kids after it shifted by {@code delta}. */
    private static Node withKid(Node parent, int index, Node kid, int delta) {
        Node copy = new Node(parent.kind, parent.style, parent.start);
        copyPlace(parent, copy);
        Node[] kids = new Node[parent.kidCount];
        System.arraycopy(parent.kids, 0, kids, 0, index);
        kids[index] = kid;
        for (int i = index + 1; i < parent.kidCount; i++) {
            kids[i] = delta == 0 ? parent.kids[i] : shiftedCopy(parent.kids[i], delta);
        }
        copy.kids = kids;
        copy.kidCount = kids.length;
        copy.weight = parent.weight - parent.kids[index].weight + kid.weight;
        if (index == 0) {
            copy.start = kid.keyStart; // a block collection starts at its first key or dash
        }
        copy.end = copy.start;
        copy.hitEnd = copy.start;
        for (Node each : kids) {
            copy.end = Math.max(copy.end, Math.max(each.end, each.keyEnd));
            copy.hitEnd = Math.max(copy.hitEnd, Math.max(each.hitEnd, copy.end));
        }
        if (parent.kind == YamlNode.Kind.MAPPING) {
            Map<String, Object> values = new LinkedHashMap<>(kids.length * 2);
            for (Node each : kids) {
                values.put(each.key, each.value);
            }
            copy.value = Collections.unmodifiableMap(values);
        } else {
            List<Object> values = new ArrayList<>(kids.length);
            for (Node each : kids) {
                values.add(each.value);
            }
            copy.value = Collections.unmodifiableList(values);
        }
        return copy;
    }

    /** Moves a freshly parsed subtree, which nothing else sees yet, by {@code delta}. */
    private static void shift(Node node, int delta) {
        node.start += delta;
        node.end += delta;
        node.hitEnd += delta;
        if (node.keyStart >= 0) {
            node.keyStart += delta;
            node.keyEnd += delta;
        }
        for (int i = 0; i < node.kidCount; i++) {
            shift(node.kids[i], delta);
        }
    }

    /** A copy of a shared subtree moved by {@code delta}; its values stay the same objects. */
    private static Node shiftedCopy(Node node, int delta) {
        Node copy = new Node(node.kind, node.style, node.start + delta);
        copyPlace(node, copy);
        copy.value = node.value;
        copy.weight = node.weight;
        copy.end = node.end + delta;
        copy.hitEnd = node.hitEnd + delta;
        if (node.keyStart >= 0) {
            copy.keyStart = node.keyStart + delta;
            copy.keyEnd = node.keyEnd + delta;
        }
        if (node.kidCount > 0) {
            Node[] kids = new Node[node.kidCount];
            for (int i = 0; i < kids.length; i++) {
                kids[i] = shiftedCopy(node.kids[i], delta);
            }
            copy.kids = kids;
            copy.kidCount = kids.length;
        }
        return copy;
    }

    private static void copyPlace(Node from, Node to) {
        to.keyStart = from.keyStart;
        to.keyEnd = from.keyEnd;
        to.key = from.key;
        to.value = from.value;
    }

    /** Whether a line starts with {@code ---}, {@code ...} or {@code %}, which end or start whole documents. */
    private static boolean hasDocumentMarker(String unit) {
        for (int at = 0; at < unit.length(); at = unit.indexOf('\n', at) + 1) {
            if (unit.startsWith("%", at) || isMarker(unit, at, "---") || isMarker(unit, at, "...")) {
                return true;
            }
            if (unit.indexOf('\n', at) < 0) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether a line holds an explicit key ({@code ? key}): the empty value it may imply is placed at the next
     * token, which can lie after the unit.
     */
    private static boolean hasExplicitKey(String unit) {
        int at = 0;
        while (at < unit.length()) {
            int i = at;
            while (i < unit.length() && (unit.charAt(i) == ' ' || unit.charAt(i) == '-' && isSpaceAt(unit, i + 1))) {
                i++;
            }
            if (i < unit.length() && unit.charAt(i) == '?' && isSpaceAt(unit, i + 1)) {
                return true;
            }
            int next = unit.indexOf('\n', i);
            if (next < 0) {
                break;
            }
            at = next + 1;
        }
        return false;
    }

    /** Whether {@code at} is past the end, a space, a tab or a line break. */
    private static boolean isSpaceAt(String text, int at) {
        return at >= text.length() || Character.isWhitespace(text.charAt(at));
    }

    private static boolean isMarker(String text, int at, String marker) {
        if (!text.startsWith(marker, at)) {
            return false;
        }
        int after = at + marker.length();
        return after == text.length() || Character.isWhitespace(text.charAt(after));
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Texts are compared in blocks this long first: {@link String#regionMatches} compares a block vectorised. */
    private static final int BLOCK = 512;

    private static int commonPrefix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int i = 0;
        while (i + BLOCK <= limit && a.regionMatches(i, b, i, BLOCK)) {
            i += BLOCK;
        }
        while (i < limit && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Length of the common suffix that does not overlap the common prefix in either text. */
    private static int commonSuffix(String a, String b, int prefix) {
        int limit = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i + BLOCK <= limit && a.regionMatches(a.length() - i - BLOCK, b, b.length() - i - BLOCK, BLOCK)) {
            i += BLOCK;
        }
        while (i < limit && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}

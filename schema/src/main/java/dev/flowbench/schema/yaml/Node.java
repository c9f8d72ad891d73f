package dev.flowbench.schema.yaml;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One node of the position tree that mirrors a document's value tree; offsets are UTF-16.
 *
 * <p>Mutable only while {@link TreeBuilder} builds it; after that it is shared read-only between threads
 * (the lazily built key index is published through a volatile field).
 */
final class Node {
    /** Maps with more entries than this get a hash index for pointer look-ups. */
    private static final int INDEX_THRESHOLD = 8;

    private static final Node[] NO_KIDS = new Node[0];

    YamlNode.Kind kind;
    YamlNode.Style style;
    Object value;
    /** Value range. */
    int start;

    int end;
    /** Where a caret still counts as "on this value": the end of the line for an empty value. */
    int hitEnd;
    /** Key range for map entries, the dash for block sequence items, -1 otherwise. */
    int keyStart = -1;

    int keyEnd = -1;
    /** The map key of this entry, null for sequence items and roots. */
    String key;
    /** True when the node's text lies elsewhere: reached through an alias or a merge key. */
    boolean borrowed;
    /** True for an {@code *alias}: its own text is the alias, its content is the anchored node's. */
    boolean alias;

    Node[] kids = NO_KIDS;
    int kidCount;
    /** Number of values this subtree stands for once aliases are expanded (for the alias-bomb guard). */
    long weight = 1;
    /** True until the collection's end event; an alias to an open node is recursive. */
    boolean open;

    private volatile Map<String, Node> keyIndex;

    Node(YamlNode.Kind kind, YamlNode.Style style, int start) {
        this.kind = kind;
        this.style = style;
        this.start = start;
        this.end = start;
        this.hitEnd = start;
    }

    void add(Node kid) {
        if (kidCount == kids.length) {
            kids = Arrays.copyOf(kids, Math.max(4, kidCount * 2));
        }
        kids[kidCount++] = kid;
    }

    /** A node that stands for {@code target} where an alias or merge put it; its text is the target's. */
    static Node borrowing(Node target) {
        Node copy = new Node(target.kind, target.style, target.start);
        copy.copyContent(target);
        copy.end = target.end;
        copy.hitEnd = target.hitEnd;
        copy.keyStart = target.keyStart;
        copy.keyEnd = target.keyEnd;
        copy.key = target.key;
        copy.borrowed = true;
        copy.alias = target.alias;
        return copy;
    }

    void copyContent(Node target) {
        kind = target.kind;
        value = target.value;
        kids = target.kids;
        kidCount = target.kidCount;
        weight = target.weight;
    }

    /** The entry for {@code name} in a mapping node, or null. */
    Node child(String name) {
        if (kidCount > INDEX_THRESHOLD) {
            Map<String, Node> index = keyIndex;
            if (index == null) {
                index = new HashMap<>(kidCount * 2);
                for (int i = 0; i < kidCount; i++) {
                    index.putIfAbsent(kids[i].key, kids[i]);
                }
                keyIndex = index;
            }
            return index.get(name);
        }
        for (int i = 0; i < kidCount; i++) {
            if (name.equals(kids[i].key)) {
                return kids[i];
            }
        }
        return null;
    }
}

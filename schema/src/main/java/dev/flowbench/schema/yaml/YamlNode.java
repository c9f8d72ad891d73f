package dev.flowbench.schema.yaml;

import dev.flowbench.schema.diagnostic.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One value of a {@link YamlDocument} with its pointer and where its key and value are written. A light view:
 * create as many as needed.
 */
public final class YamlNode {
    /** What kind of value a node holds. */
    public enum Kind {
        MAPPING,
        SEQUENCE,
        SCALAR
    }

    /** How a node is written. */
    public enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        /** {@code |} block scalar. */
        LITERAL,
        /** {@code >} block scalar. */
        FOLDED,
        /** Indentation-based mapping or sequence. */
        BLOCK,
        /** {@code {…}} or {@code […]}. */
        FLOW,
        /** {@code *name}: the value is the anchored node's. */
        ALIAS
    }

    private final YamlDocument owner;
    private final int document;
    private final String pointer;
    private final Node node;
    private final boolean fromAlias;

    YamlNode(YamlDocument owner, int document, String pointer, Node node, boolean fromAlias) {
        this.owner = owner;
        this.document = document;
        this.pointer = pointer;
        this.node = node;
        this.fromAlias = fromAlias;
    }

    /** The 0-based index of the YAML document (within a {@code ---} separated file) holding this node. */
    public int document() {
        return document;
    }

    /** The JSON pointer of this node; the empty string for a document's root. */
    public String pointer() {
        return pointer;
    }

    /** Whether this node is a mapping, a sequence or a scalar (an alias has its target's kind). */
    public Kind kind() {
        return node.kind;
    }

    /** How the node is written: quoted, block, flow, an alias… */
    public Style style() {
        return node.style;
    }

    /** The value, as described on {@link YamlDocument}. */
    public Object value() {
        return node.value;
    }

    /** The key naming this node in its mapping; null for list items and roots. */
    public String key() {
        return node.key;
    }

    /**
     * The range of the value's text: from its first character (or its anchor or tag) to its last, without
     * trailing blank lines of block scalars. Empty, just after the {@code :}, for a key written without a value.
     */
    public Range valueRange() {
        return owner.rangeOf(node.start, node.end);
    }

    /**
     * The range of the key for a mapping entry, of the dash for an item of a block list; null for roots and
     * items of {@code [flow]} lists.
     */
    public Range keyRange() {
        return node.keyStart < 0 ? null : owner.rangeOf(node.keyStart, node.keyEnd);
    }

    /** The key range if there is one, else the value range: where to report a problem with the whole entry. */
    public Range keyOrValueRange() {
        Range key = keyRange();
        return key != null ? key : valueRange();
    }

    /** From the start of the key (or dash) to the end of the value. */
    public Range entryRange() {
        return owner.rangeOf(node.keyStart >= 0 ? Math.min(node.keyStart, node.start) : node.start, node.end);
    }

    /** Whether {@code offset} is on this node's key (or dash), ends included. */
    public boolean onKey(int offset) {
        return node.keyStart >= 0 && offset >= node.keyStart && offset <= node.keyEnd;
    }

    /**
     * Whether this node's text is elsewhere than its pointer suggests: it was reached through an alias or a
     * merge key, so its ranges point at the anchored text.
     */
    public boolean fromAlias() {
        return fromAlias;
    }

    /** The entries of a mapping or the items of a sequence, in order; empty for scalars. */
    public List<YamlNode> children() {
        List<YamlNode> children = new ArrayList<>(node.kidCount);
        for (int i = 0; i < node.kidCount; i++) {
            Node kid = node.kids[i];
            String childPointer =
                    node.kind == Kind.MAPPING ? JsonPointers.child(pointer, kid.key) : JsonPointers.child(pointer, i);
            children.add(new YamlNode(owner, document, childPointer, kid, fromAlias || kid.alias || kid.borrowed));
        }
        return children;
    }

    /** The entry {@code key} of this mapping, if present. */
    public Optional<YamlNode> child(String key) {
        return owner.node(document, JsonPointers.child(pointer, key));
    }

    /** Item {@code index} of this sequence, if present. */
    public Optional<YamlNode> child(int index) {
        return owner.node(document, JsonPointers.child(pointer, index));
    }

    @Override
    public String toString() {
        return "YamlNode[" + (pointer.isEmpty() ? "(root)" : pointer) + " " + node.kind + " at "
                + valueRange().start().toDisplayString() + "]";
    }
}

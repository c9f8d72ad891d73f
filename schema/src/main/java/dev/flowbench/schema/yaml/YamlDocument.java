package dev.flowbench.schema.yaml;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.diagnostic.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed YAML file: its values as plain Java objects, where each value and key is in the text, and the
 * syntax diagnostics. Immutable and safe to share between threads.
 *
 * <p><b>Values.</b> Each document's root is a JSON-like value: {@code Map<String, Object>} (insertion-ordered,
 * unmodifiable), {@code List<Object>} (unmodifiable), {@code String}, {@code Long} (or {@code BigInteger}
 * when too large), {@code Double}, {@code Boolean} or {@code null}, resolved by the YAML 1.2 core schema.
 * Keys are the keys' text. Aliases share the anchored value; merge keys ({@code <<}) are applied.
 *
 * <p><b>Positions.</b> A value is addressed by a JSON pointer ({@link JsonPointers}); {@link #node(String)}
 * gives its {@link YamlNode} with the range of its key and of its value. Offsets and columns count UTF-16
 * units, as JavaFX and LSP do. Comments are not part of the model.
 *
 * <p><b>Errors.</b> {@link #parse(String)} never throws. After a syntax error the values read before it are
 * kept; an unquoted {@code {{ }}} value and a tab in indentation are reported and read past. Limits
 * ({@link YamlLimits}) keep hostile input bounded in time and memory.
 */
public final class YamlDocument {
    private final String text;
    private final LineIndex lines;
    private final List<Node> roots;
    private final List<Diagnostic> diagnostics;

    /** True when parts of this parse may be reused for a later version of the text: see {@link Reparse}. */
    private final boolean reusable;

    YamlDocument(String text, LineIndex lines, List<Node> roots, List<Diagnostic> diagnostics) {
        this(text, lines, roots, diagnostics, false);
    }

    YamlDocument(String text, LineIndex lines, List<Node> roots, List<Diagnostic> diagnostics, boolean reusable) {
        this.text = text;
        this.lines = lines;
        this.roots = List.copyOf(roots);
        this.diagnostics = List.copyOf(diagnostics);
        this.reusable = reusable;
    }

    YamlDocument(YamlDocument document, List<Diagnostic> diagnostics) {
        this(document.text, document.lines, document.roots, diagnostics);
    }

    /** Parses {@code text} with the default limits; never throws, never null. */
    public static YamlDocument parse(String text) {
        return parse(text, YamlLimits.DEFAULTS);
    }

    /** Parses {@code text} within {@code limits}; never throws, never null. */
    public static YamlDocument parse(String text, YamlLimits limits) {
        return YamlReader.read(Objects.requireNonNull(text, "text"), limits);
    }

    /**
     * Parses {@code text}, an edited version of {@code previous}'s text, reading again only the part of the
     * document the edit touched when that is safe; the result is the same as {@link #parse(String)}'s, and the
     * values of untouched parts are the very objects of {@code previous} (so caches keyed by identity keep
     * working). {@code previous} may be null. Never throws, never null.
     */
    public static YamlDocument parse(String text, YamlDocument previous) {
        Objects.requireNonNull(text, "text");
        YamlDocument reused = previous == null ? null : Reparse.of(previous, text, YamlLimits.DEFAULTS);
        return reused != null ? reused : parse(text);
    }

    /**
     * Parses a file's bytes: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark. Invalid
     * UTF-8 is reported ({@code yaml-encoding}) and read with U+FFFD in its place; a binary file is reported
     * ({@code yaml-binary}) and not parsed. Never throws, never null.
     */
    public static YamlDocument parse(byte[] bytes) {
        return parse(bytes, YamlLimits.DEFAULTS);
    }

    /** As {@link #parse(byte[])}, within {@code limits}. */
    public static YamlDocument parse(byte[] bytes, YamlLimits limits) {
        return YamlReader.read(Objects.requireNonNull(bytes, "bytes"), limits);
    }

    /** The text the positions refer to (decoded, for {@link #parse(byte[])}). */
    public String text() {
        return text;
    }

    /** Syntax diagnostics in text order; empty when the text is valid YAML. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** How many YAML documents ({@code ---} separated) were read; 0 for an empty file. */
    public int documentCount() {
        return roots.size();
    }

    /** The first document's value; null when the file is empty or its root is null. */
    public Object root() {
        return roots.isEmpty() ? null : roots.getFirst().value;
    }

    /** The value of document {@code document} (0-based). */
    public Object root(int document) {
        return roots.get(document).value;
    }

    /** Every document's value, in order; unmodifiable, null elements allowed. */
    public List<Object> roots() {
        List<Object> values = new ArrayList<>(roots.size());
        for (Node root : roots) {
            values.add(root.value);
        }
        return Collections.unmodifiableList(values);
    }

    /** The node at {@code pointer} in the first document, if there is one. */
    public Optional<YamlNode> node(String pointer) {
        return node(0, pointer);
    }

    /**
     * The node at {@code pointer} in document {@code document}; empty when there is no such value. A pointer
     * through an alias reaches the anchored nodes: their ranges are where the anchor's text is.
     */
    public Optional<YamlNode> node(int document, String pointer) {
        if (document < 0 || document >= roots.size()) {
            return Optional.empty();
        }
        Node node = roots.get(document);
        boolean borrowed = node.alias;
        for (String segment : JsonPointers.segments(pointer)) {
            node = switch (node.kind) {
                case MAPPING -> node.child(segment);
                case SEQUENCE -> {
                    int index = index(segment);
                    yield index >= 0 && index < node.kidCount ? node.kids[index] : null;
                }
                case SCALAR -> null;
            };
            if (node == null) {
                return Optional.empty();
            }
            borrowed |= node.alias || node.borrowed;
        }
        return Optional.of(new YamlNode(this, document, pointer, node, borrowed));
    }

    /** The range of the key at {@code pointer} (the dash for a block list item), if there is one. */
    public Optional<Range> keyRange(String pointer) {
        return node(pointer).map(YamlNode::keyRange);
    }

    /** The range of the value at {@code pointer}, if there is such a value. */
    public Optional<Range> valueRange(String pointer) {
        return node(pointer).map(YamlNode::valueRange);
    }

    /**
     * The deepest node whose key or value contains {@code offset} (ends included), as completion and hover
     * need; {@link YamlNode#onKey(int)} tells which. A caret after {@code key: } with no value yet counts as
     * on that value. Empty when the offset is outside every document's content.
     */
    public Optional<YamlNode> nodeAt(int offset) {
        for (int document = 0; document < roots.size(); document++) {
            Node root = roots.get(document);
            if (offset >= root.start && offset <= root.hitEnd) {
                return Optional.of(descend(document, root, offset));
            }
        }
        return Optional.empty();
    }

    /** The pointer of {@link #nodeAt(int)}: the deepest value under the caret, e.g. {@code /tasks/0/type}. */
    public Optional<String> pointerAt(int offset) {
        return nodeAt(offset).map(YamlNode::pointer);
    }

    private YamlNode descend(int document, Node node, int offset) {
        String pointer = "";
        while (node.kind != YamlNode.Kind.SCALAR && !node.alias && !node.borrowed) {
            Node next = null;
            int index = -1;
            for (int i = 0; i < node.kidCount; i++) {
                Node kid = node.kids[i];
                if (kid.borrowed) {
                    continue;
                }
                if (kid.keyStart >= 0 && offset >= kid.keyStart && offset <= kid.keyEnd
                        || offset >= kid.start && offset <= kid.hitEnd) {
                    next = kid;
                    index = i;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            pointer = node.kind == YamlNode.Kind.MAPPING
                    ? JsonPointers.child(pointer, next.key)
                    : JsonPointers.child(pointer, index);
            node = next;
            if (node.keyStart >= 0 && offset >= node.keyStart && offset <= node.keyEnd) {
                break;
            }
        }
        return new YamlNode(this, document, pointer, node, node.alias);
    }

    /** The line and column of {@code offset}, clamped into the text. */
    public Position position(int offset) {
        return lines.position(offset);
    }

    /** The range between two offsets, clamped into the text. */
    public Range range(int startOffset, int endOffset) {
        return lines.range(startOffset, endOffset);
    }

    /** The offset of a zero-based line and UTF-16 column, clamped into the text. */
    public int offset(int line, int column) {
        return lines.offset(line, column);
    }

    /** The number of lines (a text without line breaks has one). */
    public int lineCount() {
        return lines.lineCount();
    }

    @Override
    public String toString() {
        return "YamlDocument[" + roots.size() + " documents, " + text.length() + " chars, " + diagnostics.size()
                + " diagnostics]";
    }

    boolean reusable() {
        return reusable;
    }

    LineIndex lines() {
        return lines;
    }

    List<Node> rootNodes() {
        return roots;
    }

    Range rangeOf(int start, int end) {
        return lines.range(start, end);
    }

    private static int index(String segment) {
        int length = segment.length();
        if (length == 0 || length > 9 || length > 1 && segment.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

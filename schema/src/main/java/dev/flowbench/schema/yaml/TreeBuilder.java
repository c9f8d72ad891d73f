package dev.flowbench.schema.yaml;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Turns SnakeYAML parser events into values and the position tree in one pass, without SnakeYAML's node
 * graph.
 *
 * <p>Working from events rather than the composer keeps what was read before a syntax error (the composer
 * throws it away), avoids one intermediate tree, and lets aliases share the anchored values instead of
 * copying them. Because sharing makes expansion free here but not for whoever walks the values later, the
 * expanded size is counted and bounded ({@link YamlLimits#maxAliasExpansion()}).
 */
final class TreeBuilder {
    /** Stops reading when a limit is hit; the diagnostic is already recorded. */
    static final class Abort extends RuntimeException {
        Abort() {
            super(null, null, false, false);
        }
    }

    private static final long WEIGHT_CAP = 1L << 60;

    private static final class Frame {
        Node node;
        Map<String, Object> map;
        List<Object> list;
        Node pendingKey;
        String pendingKeyText;
        List<Node> merges;
        int mergeAt;
        boolean expression;
    }

    private final String original;
    private final String input;
    private final LineIndex lines;
    private final YamlLimits limits;
    private final List<int[]> patchedExpressions;

    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Node> roots = new ArrayList<>();

    private final Map<String, Node> anchors = new HashMap<>();
    private Frame[] frames = new Frame[16];
    private int depth;
    private int openExpressions;
    private long expansion;
    /** Start of the last unquoted {@code {{} seen, for classifying a syntax error that follows it. */
    int lastExpressionStart = -1;
    /** False once an anchor, alias or merge key ties one part of the text to another. */
    boolean selfContained = true;

    /**
     * @param original the text as the user wrote it (values and messages quote it)
     * @param input the text handed to the parser: {@code original} with some characters replaced by spaces
     * @param patchedExpressions spans {@code [start, end)} of unquoted expressions whose {@code {{} was blanked
     *     in {@code input}; a scalar found there takes the span's original text as its value
     */
    TreeBuilder(String original, String input, LineIndex lines, YamlLimits limits, List<int[]> patchedExpressions) {
        this.original = original;
        this.input = input;
        this.lines = lines;
        this.limits = limits;
        this.patchedExpressions = patchedExpressions;
    }

    void accept(Event event) {
        switch (event.getEventId()) {
            case Scalar -> scalar((ScalarEvent) event);
            case Alias -> alias((AliasEvent) event);
            case MappingStart -> start((CollectionStartEvent) event, YamlNode.Kind.MAPPING);
            case SequenceStart -> start((CollectionStartEvent) event, YamlNode.Kind.SEQUENCE);
            case MappingEnd, SequenceEnd -> end(offset(event.getEndMark()));
            case DocumentStart -> anchors.clear();
            default -> {
                // stream and document boundaries and comments carry nothing for the model
            }
        }
    }

    /** Closes every open collection after a syntax error, keeping what was read. */
    void closeAll() {
        while (depth > 0) {
            end(-1);
        }
    }

    /** Start of the outermost unquoted {@code {{} mapping still open, or -1. */
    int openExpressionStart() {
        for (int i = 0; i < depth; i++) {
            if (frames[i].expression) {
                return frames[i].node.start;
            }
        }
        return -1;
    }

    private void scalar(ScalarEvent event) {
        int start = offset(event.getStartMark());
        int end = offset(event.getEndMark());
        ScalarStyle scalarStyle = event.getScalarStyle();
        YamlNode.Style style = switch (scalarStyle) {
            case SINGLE_QUOTED -> YamlNode.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> YamlNode.Style.DOUBLE_QUOTED;
            case LITERAL -> YamlNode.Style.LITERAL;
            case FOLDED -> YamlNode.Style.FOLDED;
            default -> YamlNode.Style.PLAIN;
        };
        String text = event.getValue();
        boolean plain = style == YamlNode.Style.PLAIN;
        String tag = event.getTag().orElse(null);
        Object value = tag == null ? (plain ? CoreScalars.plain(text) : text) : CoreScalars.tagged(tag, text, plain);
        if (style == YamlNode.Style.LITERAL || style == YamlNode.Style.FOLDED) {
            // a block scalar's end mark lies after its trailing line breaks, often on the next key's line
            while (end > start && Character.isWhitespace(input.charAt(end - 1))) {
                end--;
            }
        }
        Node node = new Node(YamlNode.Kind.SCALAR, style, start);
        node.end = end;
        node.value = value;
        node.hitEnd = end > start ? end : lines.lineEnd(input, lines.lineOf(start));
        if (!patchedExpressions.isEmpty()) {
            for (int[] span : patchedExpressions) {
                if (start >= span[0] && start < span[1]) {
                    node.start = span[0];
                    node.end = Math.max(end, span[1]);
                    node.hitEnd = node.end;
                    node.value = original.substring(span[0], span[1]);
                    text = (String) node.value;
                }
            }
        }
        anchor(event, node);
        add(node, text);
    }

    private void alias(AliasEvent event) {
        selfContained = false;
        int start = offset(event.getStartMark());
        int end = offset(event.getEndMark());
        String name = event.getAlias().getValue();
        Node target = anchors.get(name);
        Node node;
        if (target == null || target.open) {
            node = new Node(YamlNode.Kind.SCALAR, YamlNode.Style.ALIAS, start);
            node.end = end;
            node.hitEnd = end;
            if (target == null) {
                report(
                        start,
                        end,
                        YamlCodes.UNKNOWN_ALIAS,
                        "unknown alias *" + name + ": no anchor &" + name + " is defined before it");
            } else {
                report(
                        start,
                        end,
                        YamlCodes.ALIAS_RECURSIVE,
                        "alias *" + name + " is inside the collection its anchor names; that would repeat forever");
            }
        } else {
            if (target.kind != YamlNode.Kind.SCALAR) {
                expansion += target.weight;
                if (expansion > limits.maxAliasExpansion()) {
                    report(
                            start,
                            end,
                            YamlCodes.ALIAS_LIMIT,
                            "too many aliases: expanding *" + name
                                    + " would make this document larger than " + limits.maxAliasExpansion()
                                    + " values (an alias bomb?); the rest is not read");
                    throw new Abort();
                }
            }
            node = new Node(target.kind, YamlNode.Style.ALIAS, start);
            node.copyContent(target);
            node.end = end;
            node.hitEnd = end;
            node.alias = true;
        }
        add(node, target == null || target.kind != YamlNode.Kind.SCALAR ? "*" + name : String.valueOf(target.value));
    }

    private void start(CollectionStartEvent event, YamlNode.Kind kind) {
        int start = offset(event.getStartMark());
        if (depth >= limits.maxDepth()) {
            report(
                    start,
                    start + 1,
                    YamlCodes.TOO_DEEP,
                    "nested more than " + limits.maxDepth() + " levels deep; the rest of the document is not read");
            throw new Abort();
        }
        boolean flow = event.isFlow();
        Node node = new Node(kind, flow ? YamlNode.Style.FLOW : YamlNode.Style.BLOCK, start);
        node.open = true;
        anchor(event, node);
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        Frame frame = frames[depth];
        if (frame == null) {
            frame = frames[depth] = new Frame();
        }
        frame.node = node;
        frame.map = kind == YamlNode.Kind.MAPPING ? new LinkedHashMap<>() : null;
        frame.list = kind == YamlNode.Kind.SEQUENCE ? new ArrayList<>() : null;
        frame.pendingKey = null;
        frame.pendingKeyText = null;
        frame.merges = null;
        frame.expression = kind == YamlNode.Kind.MAPPING && flow && input.startsWith("{{", start);
        if (frame.expression) {
            openExpressions++;
            lastExpressionStart = start;
        }
        depth++;
    }

    /** Closes the innermost collection; {@code endOffset} is the end mark, or -1 when closed by an error. */
    private void end(int endOffset) {
        Frame frame = frames[--depth];
        Node node = frame.node;
        node.open = false;
        if (frame.pendingKey != null) {
            // closed by an error right after a key: keep the key with no value
            Node empty = new Node(YamlNode.Kind.SCALAR, YamlNode.Style.PLAIN, frame.pendingKey.end);
            empty.hitEnd = lines.lineEnd(input, lines.lineOf(empty.start));
            depth++;
            add(empty, "");
            depth--;
        }
        if (frame.merges != null) {
            merge(frame);
        }
        if (node.style == YamlNode.Style.FLOW && endOffset >= 0) {
            node.end = endOffset;
            node.hitEnd = endOffset;
        } else {
            // a block collection's end mark lies at the next token, possibly after comments and blank lines
            for (int i = 0; i < node.kidCount; i++) {
                Node kid = node.kids[i];
                if (!kid.borrowed) {
                    node.end = Math.max(node.end, Math.max(kid.end, kid.keyEnd));
                    node.hitEnd = Math.max(node.hitEnd, Math.max(kid.hitEnd, node.end));
                }
            }
        }
        node.value =
                frame.map != null ? Collections.unmodifiableMap(frame.map) : Collections.unmodifiableList(frame.list);
        if (frame.expression) {
            openExpressions--;
            String expression = original.substring(node.start, node.end);
            node.kind = YamlNode.Kind.SCALAR;
            node.style = YamlNode.Style.PLAIN;
            node.kids = new Node[0];
            node.kidCount = 0;
            node.weight = 1;
            node.value = expression;
            if (openExpressions == 0) {
                reportUnquoted(diagnostics, lines, node.start, node.end, expression);
            }
        }
        frame.node = null;
        frame.map = null;
        frame.list = null;
        add(node, node.kind == YamlNode.Kind.SCALAR ? (String) node.value : null);
    }

    /**
     * Adds a finished node to the open collection, as a list item, a pending key or the value of the pending
     * key.
     *
     * @param keyText the key this node stands for if it is a key: a scalar's text; null for collections
     */
    private void add(Node node, String keyText) {
        if (depth == 0) {
            roots.add(node);
            return;
        }
        Frame frame = frames[depth - 1];
        Node parent = frame.node;
        if (frame.list != null) {
            parent.weight = Math.min(WEIGHT_CAP, parent.weight + node.weight);
            if (parent.style == YamlNode.Style.BLOCK) {
                markDash(node);
            }
            frame.list.add(node.value);
            parent.add(node);
            return;
        }
        if (frame.pendingKey == null) {
            frame.pendingKey = node;
            frame.pendingKeyText = keyText;
            return;
        }
        Node key = frame.pendingKey;
        // a collection used as a key is named by its text, copied only here because it is rare
        String name = frame.pendingKeyText != null
                ? frame.pendingKeyText
                : original.substring(key.start, Math.max(key.start, key.end));
        frame.pendingKey = null;
        frame.pendingKeyText = null;
        parent.weight = Math.min(WEIGHT_CAP, parent.weight + node.weight);
        if (key.kind == YamlNode.Kind.SCALAR && key.style == YamlNode.Style.PLAIN && "<<".equals(key.value)) {
            if (frame.merges == null) {
                frame.merges = new ArrayList<>(2);
                selfContained = false;
                frame.mergeAt = parent.kidCount;
            }
            frame.merges.add(node);
            return;
        }
        if (key.kind != YamlNode.Kind.SCALAR && openExpressions == 0) {
            report(
                    key.start,
                    key.end,
                    YamlCodes.COMPLEX_KEY,
                    Severity.WARNING,
                    "a " + (key.kind == YamlNode.Kind.MAPPING ? "mapping" : "list")
                            + " cannot be a key here; quote it if it is meant as text");
        }
        node.key = name;
        node.keyStart = key.start;
        node.keyEnd = key.end;
        if (frame.map.containsKey(name)) {
            for (int i = 0; i < parent.kidCount; i++) {
                Node earlier = parent.kids[i];
                if (name.equals(earlier.key) && !earlier.borrowed) {
                    if (openExpressions == 0) {
                        report(
                                key.start,
                                key.end,
                                YamlCodes.DUPLICATE_KEY,
                                "duplicate key '" + name
                                        + "': it is already set on line " + (lines.lineOf(earlier.keyStart) + 1)
                                        + "; this later value wins");
                    }
                    parent.kids[i] = node;
                    break;
                }
            }
        } else {
            parent.add(node);
        }
        frame.map.put(name, node.value);
    }

    /** Applies merge keys: entries written in the mapping win, then earlier merged mappings win. */
    private void merge(Frame frame) {
        Node node = frame.node;
        List<Node> merged = new ArrayList<>();
        Set<String> seen = new HashSet<>(frame.map.keySet());
        for (Node source : frame.merges) {
            List<Node> maps = new ArrayList<>();
            if (source.kind == YamlNode.Kind.MAPPING) {
                maps.add(source);
            } else if (source.kind == YamlNode.Kind.SEQUENCE) {
                maps.addAll(Arrays.asList(source.kids).subList(0, source.kidCount));
            }
            if (maps.isEmpty() || maps.stream().anyMatch(m -> m.kind != YamlNode.Kind.MAPPING)) {
                report(
                        source.start,
                        source.end,
                        YamlCodes.MERGE,
                        "a merge key '<<' takes a mapping or a list of mappings, e.g. '<<: *defaults'");
            }
            for (Node map : maps) {
                if (map.kind != YamlNode.Kind.MAPPING) {
                    continue;
                }
                for (int i = 0; i < map.kidCount; i++) {
                    Node entry = map.kids[i];
                    if (seen.add(entry.key)) {
                        merged.add(Node.borrowing(entry));
                    }
                }
            }
        }
        if (merged.isEmpty()) {
            return;
        }
        Node[] kids = new Node[node.kidCount + merged.size()];
        System.arraycopy(node.kids, 0, kids, 0, frame.mergeAt);
        for (int i = 0; i < merged.size(); i++) {
            kids[frame.mergeAt + i] = merged.get(i);
        }
        System.arraycopy(node.kids, frame.mergeAt, kids, frame.mergeAt + merged.size(), node.kidCount - frame.mergeAt);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Node kid : kids) {
            values.put(kid.key, kid.value);
        }
        node.kids = kids;
        node.kidCount = kids.length;
        frame.map = values;
    }

    private void anchor(NodeEvent event, Node node) {
        event.getAnchor().ifPresent(anchor -> {
            anchors.put(anchor.getValue(), node);
            selfContained = false;
        });
    }

    /** Records the dash of a block sequence item as its "key" range, so an item can be pointed at. */
    private void markDash(Node node) {
        int i = node.start - 1;
        while (i >= 0 && isBlank(input.charAt(i))) {
            i--;
        }
        if (i >= 0 && input.charAt(i) == '-') {
            node.keyStart = i;
            node.keyEnd = i + 1;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private int offset(Optional<Mark> mark) {
        return mark.map(m -> lines.utf16(m.getIndex())).orElse(0);
    }

    private void report(int start, int end, String code, String message) {
        report(start, end, code, Severity.ERROR, message);
    }

    private void report(int start, int end, String code, Severity severity, String message) {
        diagnostics.add(Diagnostic.of(lines.range(start, end), severity, code, SyntaxMessages.oneLine(message)));
    }

    /** Reports an unquoted {@code {{ … }}} value with the quoted text as the replacement. */
    static void reportUnquoted(List<Diagnostic> sink, LineIndex lines, int start, int end, String expression) {
        String quoted = quote(expression);
        String shown = quoted.length() > 60 ? quoted.substring(0, 57) + "…" : quoted;
        sink.add(Diagnostic.of(
                        lines.range(start, end),
                        Severity.ERROR,
                        YamlCodes.UNQUOTED_EXPRESSION,
                        SyntaxMessages.oneLine(
                                "quote this expression: " + shown + " (unquoted, YAML reads {{ … }} as a mapping)"))
                .with(DiagnosticData.REPLACEMENT, quoted));
    }

    /** {@code text} as a YAML scalar in double quotes, or single quotes when it holds double quotes. */
    static String quote(String text) {
        if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
            return '"' + text + '"';
        }
        if (text.indexOf('\'') < 0) {
            return '\'' + text + '\'';
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

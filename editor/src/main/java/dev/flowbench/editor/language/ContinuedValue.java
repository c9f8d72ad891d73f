package dev.flowbench.editor.language;

/**
 * A value that goes on over the following lines — a block scalar, a quoted scalar or a flow collection left
 * open — and how to tell where it ends: its lines are indented past the key or dash that owns it (YAML requires
 * it), and a quoted scalar or flow collection also ends at its closing quote or bracket. Used while {@link
 * YamlStructure} reads a text; mutable, not shared.
 */
final class ContinuedValue {
    final YamlLine.Continuation kind;
    final int owner;
    /** Content lines are indented more than this column (the owning key's or dash's). */
    final int parentColumn;
    /** For flow collections: brackets still open. */
    int depth;

    private ContinuedValue(YamlLine.Continuation kind, int owner, int parentColumn, int depth) {
        this.kind = kind;
        this.owner = owner;
        this.parentColumn = parentColumn;
        this.depth = depth;
    }

    static ContinuedValue openedBy(YamlLine line, int index, String text) {
        if (line.continuation == YamlLine.Continuation.NONE) {
            return null;
        }
        // continuation lines of any multi-line value are indented past the key or dash that owns it
        int parentColumn =
                line.tailIsKey ? line.tailColumn : line.dashes.length > 0 ? line.dashes[line.dashes.length - 1] : -1;
        int depth = line.continuation == YamlLine.Continuation.FLOW
                ? YamlLine.flowDepth(text, line.valueStart, line.end, 0)
                : 0;
        return new ContinuedValue(line.continuation, index, parentColumn, depth);
    }

    /** Whether the line {@code [start, end)} still belongs to this value: blank, or indented past its owner. */
    boolean holds(String text, int start, int end) {
        int at = YamlLine.skipSpaces(text, start, end);
        return at == end || at - start > parentColumn;
    }

    /** Whether the value ends on the line {@code [start, end)} (which belongs to it). */
    boolean closedBy(String text, int start, int end) {
        switch (kind) {
            case QUOTED_DOUBLE, QUOTED_SINGLE -> {
                char quote = kind == YamlLine.Continuation.QUOTED_DOUBLE ? '"' : '\'';
                for (int i = start; i < end; i++) {
                    char c = text.charAt(i);
                    if (quote == '"' && c == '\\') {
                        i++;
                    } else if (c == quote) {
                        if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                            i++;
                        } else {
                            return true;
                        }
                    }
                }
                return false;
            }
            case FLOW -> {
                depth = YamlLine.flowDepth(text, start, end, depth);
                return depth == 0;
            }
            default -> {
                return false;
            }
        }
    }
}

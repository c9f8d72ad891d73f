package dev.flowbench.schema.diagnostic;

/**
 * A place in a text: zero-based line and column (in UTF-16 code units, as LSP and JavaFX count) and the
 * zero-based character offset from the start of the text.
 */
public record Position(int line, int column, int offset) implements Comparable<Position> {
    public Position {
        if (line < 0 || column < 0 || offset < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column + "@" + offset);
        }
    }

    @Override
    public int compareTo(Position other) {
        return Integer.compare(offset, other.offset);
    }

    /** "line:column" with both numbers one-based, as compilers print them. */
    public String toDisplayString() {
        return (line + 1) + ":" + (column + 1);
    }
}

package dev.flowbench.schema.diagnostic;

/** A span of text from {@code start} (inclusive) to {@code end} (exclusive); never null parts. */
public record Range(Position start, Position end) {
    public Range {
        if (start == null || end == null || end.offset() < start.offset()) {
            throw new IllegalArgumentException("bad range " + start + " - " + end);
        }
    }

    /** An empty range at {@code at}. */
    public static Range at(Position at) {
        return new Range(at, at);
    }

    /** Whether {@code offset} lies inside this range, both ends included (a caret at the end counts). */
    public boolean contains(int offset) {
        return offset >= start.offset() && offset <= end.offset();
    }

    /** The number of characters covered. */
    public int length() {
        return end.offset() - start.offset();
    }
}

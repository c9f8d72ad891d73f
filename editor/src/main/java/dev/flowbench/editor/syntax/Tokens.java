package dev.flowbench.editor.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens of one text, sorted by start and never overlapping; gaps between them are unstyled text.
 *
 * <p>Stored as parallel primitive arrays because a 20,000-line flow yields a few hundred thousand tokens and a
 * record per token would triple the memory and the time spent allocating it.
 */
public final class Tokens {
    private static final TokenKind[] KINDS = TokenKind.values();

    private final int[] starts;
    private final int[] ends;
    private final byte[] kinds;
    private final int size;

    private Tokens(int[] starts, int[] ends, byte[] kinds, int size) {
        this.starts = starts;
        this.ends = ends;
        this.kinds = kinds;
        this.size = size;
    }

    /** The number of tokens. */
    public int size() {
        return size;
    }

    /** The start offset of token {@code i}. */
    public int start(int i) {
        return starts[check(i)];
    }

    /** The end offset (exclusive) of token {@code i}. */
    public int end(int i) {
        return ends[check(i)];
    }

    /** The kind of token {@code i}. */
    public TokenKind kind(int i) {
        return KINDS[kinds[check(i)]];
    }

    /** Token {@code i} as a record. */
    public Token get(int i) {
        return new Token(kind(i), start(i), end(i));
    }

    /**
     * The index of the token that contains {@code offset} ({@code start <= offset < end}), or -1 when the
     * offset lies in unstyled text.
     */
    public int indexAt(int offset) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= offset) {
                low = mid + 1;
            } else if (starts[mid] > offset) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** All tokens as records, for tests and tools; the view reads the arrays through the accessors instead. */
    public List<Token> toList() {
        var list = new ArrayList<Token>(size);
        for (int i = 0; i < size; i++) {
            list.add(get(i));
        }
        return list;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    /** Collects tokens in increasing offset order. */
    static final class Builder {
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        private byte[] kinds = new byte[256];
        private int size;

        void add(TokenKind kind, int start, int end) {
            if (end <= start) {
                return;
            }
            if (size == starts.length) {
                int capacity = size * 2;
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                kinds = Arrays.copyOf(kinds, capacity);
            }
            starts[size] = start;
            ends[size] = end;
            kinds[size] = (byte) kind.ordinal();
            size++;
        }

        Tokens build() {
            return new Tokens(starts, ends, kinds, size);
        }
    }
}

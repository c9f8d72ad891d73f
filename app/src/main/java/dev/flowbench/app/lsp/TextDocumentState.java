package dev.flowbench.app.lsp;

import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The text and version of one open document; immutable, a new state per change. */
final class TextDocumentState {
    private final String uri;
    private final String text;
    private final int version;
    private volatile int[] lineStarts;

    TextDocumentState(String uri, String text, int version) {
        this.uri = uri;
        this.text = text;
        this.version = version;
    }

    String uri() {
        return uri;
    }

    String text() {
        return text;
    }

    int version() {
        return version;
    }

    /** This document after {@code changes} (full or ranged, in order) at {@code newVersion}. */
    TextDocumentState apply(List<TextDocumentContentChangeEvent> changes, int newVersion) {
        TextDocumentState current = this;
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                current = new TextDocumentState(uri, change.getText(), newVersion);
            } else {
                int start = current.offset(change.getRange().getStart());
                int end = Math.max(start, current.offset(change.getRange().getEnd()));
                String text = current.text.substring(0, start) + change.getText() + current.text.substring(end);
                current = new TextDocumentState(uri, text, newVersion);
            }
        }
        return current.version == newVersion ? current : new TextDocumentState(uri, current.text, newVersion);
    }

    /** The offset of an LSP position (UTF-16 columns), clamped to its line and the text. */
    int offset(Position position) {
        int[] starts = lineStarts();
        int line = position.getLine();
        if (line < 0) {
            return 0;
        }
        if (line >= starts.length) {
            return text.length();
        }
        int lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
        return Math.min(starts[line] + Math.max(0, position.getCharacter()), Math.max(starts[line], lineEnd));
    }

    /** The LSP position of {@code offset}. */
    Position position(int offset) {
        int[] starts = lineStarts();
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = Arrays.binarySearch(starts, clamped);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, clamped - starts[line]);
    }

    org.eclipse.lsp4j.Range range(int start, int end) {
        return new org.eclipse.lsp4j.Range(position(start), position(end));
    }

    /** Computes the line index now, off the request path: the first position lookup would otherwise pay for it. */
    void indexLines() {
        lineStarts();
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = new int[Math.max(16, text.length() / 32)];
            int count = 1;
            for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = at + 1;
            }
            starts = Arrays.copyOf(starts, count);
            lineStarts = starts;
        }
        return starts;
    }
}

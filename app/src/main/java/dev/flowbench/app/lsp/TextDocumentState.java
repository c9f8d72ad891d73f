package dev.flowbench.app.lsp;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The text and version of one open document; immutable, a new state per change. */
record TextDocumentState(String uri, String text, int version) {
    /** This document after {@code changes} (full or ranged, in order) at {@code newVersion}. */
    TextDocumentState apply(List<TextDocumentContentChangeEvent> changes, int newVersion) {
        String current = text;
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                current = change.getText();
            } else {
                int start = offset(current, change.getRange().getStart());
                int end = offset(current, change.getRange().getEnd());
                current = current.substring(0, start) + change.getText() + current.substring(Math.max(start, end));
            }
        }
        return new TextDocumentState(uri, current, newVersion);
    }

    /** The offset of an LSP position (UTF-16 columns) in {@code text}, clamped to the text. */
    static int offset(String text, Position position) {
        int line = 0;
        int index = 0;
        while (line < position.getLine()) {
            int newline = text.indexOf('\n', index);
            if (newline < 0) {
                return text.length();
            }
            index = newline + 1;
            line++;
        }
        int lineEnd = text.indexOf('\n', index);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        return Math.min(index + Math.max(0, position.getCharacter()), lineEnd);
    }
}

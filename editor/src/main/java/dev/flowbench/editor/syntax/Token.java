package dev.flowbench.editor.syntax;

/** One classified span of text from {@code start} (inclusive) to {@code end} (exclusive). */
public record Token(TokenKind kind, int start, int end) {
    public Token {
        if (kind == null || start < 0 || end < start) {
            throw new IllegalArgumentException("bad token " + kind + " " + start + "-" + end);
        }
    }
}

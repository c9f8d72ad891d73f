package dev.flowbench.editor.api;

/**
 * Proposes what may be typed at a caret, even in a half-typed or invalid document.
 *
 * <p>Called when the user asks (Ctrl+Space) and automatically after {@code type: }, {@code : }, {@code {{ }
 * and {@code .} inside an expression; return an empty result when nothing fits (after the {@code : } of a
 * property that is not an enum, say) and no popup appears.
 */
@FunctionalInterface
public interface CompletionProvider {
    /** A provider that never proposes anything. */
    CompletionProvider NONE = (text, caret) -> CompletionResult.empty(caret);

    /** The proposals at {@code caret} in {@code text}; never null. */
    CompletionResult complete(String text, int caret);
}

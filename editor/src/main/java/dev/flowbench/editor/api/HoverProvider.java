package dev.flowbench.editor.api;

import java.util.Optional;

/** Explains the element at an offset (a key, a value, a type). */
@FunctionalInterface
public interface HoverProvider {
    /** A provider that never explains anything. */
    HoverProvider NONE = (text, offset) -> Optional.empty();

    /** The explanation of what lies at {@code offset} in {@code text}, or empty when there is nothing to say. */
    Optional<Hover> hover(String text, int offset);
}

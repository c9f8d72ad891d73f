package dev.flowbench.editor.edit;

/**
 * Moves an offset through a text change (at {@code position}, {@code removed} characters replaced by
 * {@code inserted} ones), so marks computed for an older text (diagnostics, links, tab stops) stay on their text
 * until fresh ones arrive.
 */
public final class OffsetShift {
    private OffsetShift() {}

    /**
     * Where {@code offset} is after the change: unchanged before it, shifted after it, and at the change's start
     * when it was inside the removed text; an offset exactly at an insertion point stays put unless
     * {@code stickToEnd}.
     */
    public static int shift(int offset, int position, int removed, int inserted, boolean stickToEnd) {
        if (offset < position || (offset == position && !stickToEnd && removed == 0)) {
            return offset;
        }
        if (offset >= position + removed) {
            return offset + inserted - removed;
        }
        return stickToEnd ? position + inserted : position;
    }
}

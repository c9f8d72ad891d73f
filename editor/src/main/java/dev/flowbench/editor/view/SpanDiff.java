package dev.flowbench.editor.view;

import java.util.Collection;
import java.util.Objects;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The smallest range that must be restyled to turn the styles on screen into new ones, so a keystroke in a long
 * flow restyles a few lines instead of all of them.
 *
 * <p>The area shows {@code old} except inside the dirty window (text edited since {@code old} was applied, where
 * the area's styles are whatever typing left there): outside it, {@code old} and the area agree character by
 * character, with the part after the window shifted by the edits' net length.
 */
final class SpanDiff {
    private SpanDiff() {}

    /**
     * The range {@code [from, to)} of the new text to restyle with {@code fresh}; empty ({@code from >= to}) when
     * nothing differs.
     *
     * @param dirtyFrom first offset edited since {@code old} was applied ({@code Integer.MAX_VALUE} if none)
     * @param dirtyToEnd distance from the end of the new text to the end of the last edit (same convention)
     */
    static int[] changedRange(
            StyleSpans<Collection<String>> old, StyleSpans<Collection<String>> fresh, int dirtyFrom, int dirtyToEnd) {
        int oldLength = old.length();
        int newLength = fresh.length();
        int prefixLimit = Math.min(Math.min(dirtyFrom, newLength), oldLength);
        int from = commonPrefix(old, fresh, prefixLimit);
        int suffixLimit = Math.min(Math.min(dirtyToEnd, newLength - from), oldLength - from);
        int suffix = commonSuffix(old, fresh, suffixLimit);
        return new int[] {from, newLength - suffix};
    }

    private static int commonPrefix(StyleSpans<Collection<String>> a, StyleSpans<Collection<String>> b, int limit) {
        int ia = 0;
        int ib = 0;
        int endA = 0;
        int endB = 0;
        int position = 0;
        while (position < limit && ia < a.getSpanCount() && ib < b.getSpanCount()) {
            StyleSpan<Collection<String>> sa = a.getStyleSpan(ia);
            StyleSpan<Collection<String>> sb = b.getStyleSpan(ib);
            if (!Objects.equals(sa.getStyle(), sb.getStyle()) && sa.getLength() > 0 && sb.getLength() > 0) {
                return position;
            }
            int nextA = endA + sa.getLength();
            int nextB = endB + sb.getLength();
            position = Math.min(nextA, nextB);
            if (nextA == position) {
                ia++;
                endA = nextA;
            }
            if (nextB == position) {
                ib++;
                endB = nextB;
            }
        }
        return Math.min(position, limit);
    }

    private static int commonSuffix(StyleSpans<Collection<String>> a, StyleSpans<Collection<String>> b, int limit) {
        int ia = a.getSpanCount() - 1;
        int ib = b.getSpanCount() - 1;
        int fromEndA = 0;
        int fromEndB = 0;
        int position = 0;
        while (position < limit && ia >= 0 && ib >= 0) {
            StyleSpan<Collection<String>> sa = a.getStyleSpan(ia);
            StyleSpan<Collection<String>> sb = b.getStyleSpan(ib);
            if (!Objects.equals(sa.getStyle(), sb.getStyle()) && sa.getLength() > 0 && sb.getLength() > 0) {
                return position;
            }
            int nextA = fromEndA + sa.getLength();
            int nextB = fromEndB + sb.getLength();
            position = Math.min(nextA, nextB);
            if (nextA == position) {
                ia--;
                fromEndA = nextA;
            }
            if (nextB == position) {
                ib--;
                fromEndB = nextB;
            }
        }
        return Math.min(position, limit);
    }
}

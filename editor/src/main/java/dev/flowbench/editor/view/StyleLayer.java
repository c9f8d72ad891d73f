package dev.flowbench.editor.view;

import dev.flowbench.editor.edit.OffsetShift;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * One named set of {@link Mark}s that follows the text as it is edited, so an overlay computed for an older
 * version (diagnostics from the last validation) stays on its words until a fresh one replaces it. Used on the
 * FX thread only.
 */
final class StyleLayer {
    private final String name;
    private List<Mark> marks = List.of();

    StyleLayer(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The current marks sorted by start; an immutable snapshot safe to hand to another thread. */
    List<Mark> marks() {
        return marks;
    }

    void set(List<Mark> newMarks) {
        var sorted = new ArrayList<>(newMarks);
        sorted.sort(Comparator.comparingInt(Mark::start));
        marks = List.copyOf(sorted);
    }

    void clear() {
        marks = List.of();
    }

    /** Moves every mark through {@code change}; a mark whose text was deleted collapses to where it was. */
    void shift(PlainTextChange change) {
        if (marks.isEmpty()) {
            return;
        }
        int position = change.getPosition();
        int removed = change.getRemoved().length();
        int inserted = change.getInserted().length();
        var shifted = new ArrayList<Mark>(marks.size());
        for (Mark mark : marks) {
            if (mark.end() < position) {
                shifted.add(mark);
                continue;
            }
            int start = OffsetShift.shift(mark.start(), position, removed, inserted, false);
            int end = OffsetShift.shift(mark.end(), position, removed, inserted, mark.end() > mark.start());
            shifted.add(new Mark(start, Math.max(start, end), mark.styleClass(), mark.payload()));
        }
        marks = List.copyOf(shifted);
    }

    /** The marks containing {@code offset}, both ends included. */
    List<Mark> at(int offset) {
        var found = new ArrayList<Mark>();
        for (Mark mark : marks) {
            if (mark.start() > offset) {
                break;
            }
            if (mark.contains(offset)) {
                found.add(mark);
            }
        }
        return found;
    }
}

package dev.flowbench.editor.view;

import dev.flowbench.editor.edit.OffsetShift;
import dev.flowbench.editor.edit.Snippet;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * The tab stops of the snippet inserted last: Tab selects the next placeholder, Shift+Tab the previous one,
 * and the session ends at the final stop, on Esc, or when the caret leaves the snippet. Stops follow edits, so
 * typing over a placeholder keeps the later ones in place.
 */
final class SnippetSession {
    private final CodeArea area;
    private int[] starts = new int[0];
    private int[] ends = new int[0];
    private int rangeStart;
    private int rangeEnd;
    private int current = -1;

    SnippetSession(CodeArea area) {
        this.area = area;
        area.caretPositionProperty().addListener((obs, old, caret) -> {
            if (isActive() && (caret < rangeStart || caret > rangeEnd)) {
                end();
            }
        });
    }

    boolean isActive() {
        return current >= 0;
    }

    /** Starts a session for {@code snippet}, just inserted at {@code offset}, and selects its first stop. */
    void start(int offset, Snippet snippet) {
        int n = snippet.stops().size();
        starts = new int[n];
        ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = offset + snippet.stops().get(i).start();
            ends[i] = offset + snippet.stops().get(i).end();
        }
        rangeStart = offset;
        rangeEnd = offset + snippet.text().length();
        if (n == 0) {
            area.moveTo(rangeEnd);
            return;
        }
        current = 0;
        select();
    }

    /** Selects the next stop; returns false (and ends the session) when there is none. */
    boolean next() {
        if (!isActive()) {
            return false;
        }
        if (current + 1 >= starts.length) {
            end();
            return false;
        }
        current++;
        select();
        return true;
    }

    boolean previous() {
        if (!isActive() || current == 0) {
            return isActive();
        }
        current--;
        select();
        return true;
    }

    void end() {
        current = -1;
    }

    void textChanged(PlainTextChange change) {
        if (!isActive()) {
            return;
        }
        int position = change.getPosition();
        int removed = change.getRemoved().length();
        int inserted = change.getInserted().length();
        if (position < rangeStart || position > rangeEnd) {
            end();
            return;
        }
        for (int i = 0; i < starts.length; i++) {
            starts[i] = OffsetShift.shift(starts[i], position, removed, inserted, false);
            ends[i] = OffsetShift.shift(ends[i], position, removed, inserted, true);
        }
        rangeEnd = OffsetShift.shift(rangeEnd, position, removed, inserted, true);
    }

    private void select() {
        // The last stop is where the caret ends: reaching it finishes the session.
        area.selectRange(starts[current], ends[current]);
        if (current == starts.length - 1) {
            end();
        }
    }
}

package dev.flowbench.app.desktop.run;

import dev.flowbench.engine.LogEntry;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log lines of the run shown, capped so memory stays bounded however long the run: past the cap the
 * oldest lines are dropped in blocks (the history keeps them all) and {@link #droppedProperty()} counts them.
 */
final class LogBuffer {
    private final int capacity;
    private final ObservableList<LogEntry> lines = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");

    LogBuffer(int capacity) {
        this.capacity = capacity;
    }

    ObservableList<LogEntry> lines() {
        return lines;
    }

    ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    void addAll(List<LogEntry> batch) {
        lines.addAll(batch);
        int excess = lines.size() - capacity;
        if (excess > 0) {
            // Drop a tenth more than needed, so trimming happens once per many batches, not on every one.
            int drop = Math.min(lines.size(), excess + capacity / 10);
            lines.remove(0, drop);
            dropped.set(dropped.get() + drop);
        }
    }

    void clear() {
        lines.clear();
        dropped.set(0);
    }
}

package dev.flowbench.app.desktop.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected task run's outputs in the run panel: a description of its state, error and output values, and its
 * output files, each of which opens (as text, or with the system's viewer) or is saved elsewhere.
 */
public final class TaskOutputsViewModel {
    private final Executor background;
    private final Executor ui;
    private final StringProperty message;
    private final ReadOnlyObjectWrapper<TaskRow> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ObservableList<TaskOutputFile> files = FXCollections.observableArrayList();

    /** @param message where one-line results go (the run panel's message) */
    TaskOutputsViewModel(Executor background, Executor ui, StringProperty message) {
        this.background = background;
        this.ui = ui;
        this.message = message;
    }

    /** The task run shown; null when none is selected. */
    public ReadOnlyObjectProperty<TaskRow> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Its state, error and outputs as text. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Its output files. */
    public ObservableList<TaskOutputFile> files() {
        return files;
    }

    /** Shows {@code row} (null clears). */
    public void select(TaskRow row) {
        task.set(row);
        description.set(row == null ? "" : describe(row));
        files.setAll(TaskOutputFile.of(row));
    }

    /**
     * Opens {@code file}: text goes to {@code asText}, anything else to {@code withSystemViewer}; a file no longer
     * stored only gets a message.
     */
    public void open(TaskOutputFile file, Consumer<TaskOutputFile> asText, Consumer<Path> withSystemViewer) {
        if (!file.exists()) {
            message.set(file.name() + " is no longer stored (old runs' files are pruned)");
        } else if (file.isText()) {
            asText.accept(file);
        } else {
            withSystemViewer.accept(file.path());
        }
    }

    /** Copies {@code file} to {@code target} in the background, then says how it went. */
    public void save(TaskOutputFile file, Path target) {
        background.execute(() -> {
            String result;
            try {
                file.saveTo(target);
                result = "Saved " + file.name() + " to " + target;
            } catch (IOException e) {
                result = "Cannot save " + file.name() + " to " + target + ": " + e.getMessage();
            }
            String done = result;
            ui.execute(() -> message.set(done));
        });
    }

    static String describe(TaskRow row) {
        var out = new StringBuilder(row.run().taskId())
                .append(" · ")
                .append(row.run().type())
                .append('\n');
        out.append("state: ").append(row.state()).append('\n');
        if (row.run().error() != null) {
            out.append("error: ").append(row.run().error()).append('\n');
        }
        row.outputs()
                .forEach((key, value) ->
                        out.append(key).append(": ").append(value).append('\n'));
        return out.toString();
    }
}

package dev.flowbench.app.desktop.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette: every command, filtered by the words typed (each must appear in the title, in any order),
 * with a selection moved by the arrow keys and run by Enter.
 */
public final class CommandPaletteViewModel {
    private final List<Command> commands;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Command> matches = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);

    public CommandPaletteViewModel(List<Command> commands) {
        this.commands = List.copyOf(commands);
        query.addListener((obs, old, q) -> filter());
        filter();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Command> matches() {
        return matches;
    }

    /** The index of the selected match; -1 when nothing matches. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public void move(int delta) {
        if (!matches.isEmpty()) {
            selected.set(Math.clamp(selected.get() + (long) delta, 0, matches.size() - 1));
        }
    }

    /** Runs the selected command and returns true, or false when nothing is selected. */
    public boolean runSelected() {
        int index = selected.get();
        if (index < 0 || index >= matches.size()) {
            return false;
        }
        matches.get(index).action().run();
        return true;
    }

    private void filter() {
        String[] words = query.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        var found = new ArrayList<Command>();
        for (Command command : commands) {
            String title = command.title().toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                all &= title.contains(word);
            }
            if (all) {
                found.add(command);
            }
        }
        matches.setAll(found);
        selected.set(found.isEmpty() ? -1 : 0);
    }
}

package dev.flowbench.app.desktop.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * A secrets file ({@code secrets/*.env}) shown without its values: the names it defines, each value masked.
 * Values are read only to count them out; they never reach a node.
 */
public final class SecretsTab extends Tab {

    /** A secret's name and how it is shown. */
    public record Row(String name, String masked) {}

    public SecretsTab(Path file, Path relative) {
        setText(file.getFileName().toString());
        getStyleClass().add("secrets-tab");
        var table = new TableView<Row>();
        table.getStyleClass().add("secrets-table");
        var name = new TableColumn<Row, String>("Name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(260);
        var value = new TableColumn<Row, String>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().masked()));
        value.setPrefWidth(200);
        table.getColumns().add(name);
        table.getColumns().add(value);
        var pane = new BorderPane(table);
        try {
            table.getItems().setAll(rows(Files.readString(file, StandardCharsets.UTF_8)));
            pane.setTop(new Label(relative + " — values are hidden; edit the file outside Flowbench."));
        } catch (IOException e) {
            pane.setTop(new Label("Cannot read " + relative + ": " + e.getMessage()));
        }
        setContent(pane);
    }

    /** The {@code NAME=value} lines of an env file as masked rows; comments and blank lines are skipped. */
    public static List<Row> rows(String envFile) {
        var rows = new ArrayList<Row>();
        for (String line : envFile.lines().toList()) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).strip();
            if (key.startsWith("export ")) {
                key = key.substring("export ".length()).strip();
            }
            rows.add(new Row(key, trimmed.substring(equals + 1).isEmpty() ? "(empty)" : "••••••••"));
        }
        return rows;
    }
}

package dev.flowbench.app.desktop.plugins;

import dev.flowbench.app.desktop.plugins.PluginsViewModel.Folder;
import dev.flowbench.app.desktop.plugins.PluginsViewModel.Plugin;
import dev.flowbench.app.desktop.plugins.PluginsViewModel.Problem;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The plugins panel: the plugin folders with "Open", the installed plugins and where each came from, problems. */
public final class PluginsView extends BorderPane {
    /**
     * @param reload loads the plugins again (after JARs were added or removed)
     * @param openFolder shows a folder in the system's file manager
     */
    public PluginsView(PluginsViewModel model, Runnable reload, Consumer<Path> openFolder) {
        getStyleClass().add("plugins-view");
        var summary = new Label();
        summary.getStyleClass().add("plugins-summary");
        summary.textProperty().bind(model.summaryProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var again = new Button("Reload");
        again.getStyleClass().add("plugins-reload");
        again.setTooltip(new Tooltip("Load the plugin folders again"));
        again.setOnAction(e -> reload.run());
        var bar = new HBox(6, summary, spacer, again);
        bar.setAlignment(Pos.CENTER_LEFT);
        var folders = new VBox(2);
        folders.getStyleClass().add("plugins-folders");
        showFolders(model, folders, openFolder);
        model.folders().addListener((ListChangeListener<Folder>) c -> showFolders(model, folders, openFolder));
        setTop(new VBox(4, bar, folders));

        var plugins = new TableView<>(model.plugins());
        plugins.getStyleClass().add("plugins-table");
        plugins.setPlaceholder(new Label("Loading plugins…"));
        plugins.getColumns().add(column("Type", 260, Plugin::type));
        plugins.getColumns().add(column("Kind", 90, Plugin::kind));
        plugins.getColumns().add(column("From", 90, (Plugin p) -> p.source().label()));
        plugins.getColumns().add(column("JAR", 160, Plugin::jar));
        plugins.getColumns().add(column("Title", 200, Plugin::title));
        var problems = new TableView<>(model.problems());
        problems.getStyleClass().add("plugin-problems");
        problems.setPlaceholder(new Label("No plugin problems"));
        problems.getColumns().add(column("Problem JAR", 160, Problem::jar));
        problems.getColumns().add(column("From", 90, (Problem p) -> p.source().label()));
        problems.getColumns().add(column("Reason", 420, Problem::reason));
        var split = new SplitPane(plugins, problems);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        setCenter(split);
    }

    private static void showFolders(PluginsViewModel model, VBox box, Consumer<Path> openFolder) {
        box.getChildren().clear();
        for (Folder folder : model.folders()) {
            var label = new Label(
                    folder.source().label() + ": " + folder.path() + (folder.exists() ? "" : " (not created yet)"));
            label.getStyleClass().add("plugins-folder");
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            var open = new Button("Open");
            open.getStyleClass().add("plugins-folder-open");
            open.setOnAction(e -> openFolder.accept(folder.path()));
            var row = new HBox(6, label, open);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        var column = new TableColumn<T, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}

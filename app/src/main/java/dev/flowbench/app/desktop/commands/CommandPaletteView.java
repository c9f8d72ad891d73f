package dev.flowbench.app.desktop.commands;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/** The command palette popup: a filter field over the command list; Enter runs, Esc closes. */
public final class CommandPaletteView {
    private final Popup popup = new Popup();
    private final TextField filter = new TextField();

    public CommandPaletteView(CommandPaletteViewModel palette) {
        filter.getStyleClass().add("palette-filter");
        filter.setPromptText("Type a command");
        filter.textProperty().bindBidirectional(palette.queryProperty());
        var list = new ListView<>(palette.matches());
        list.getStyleClass().add("palette-list");
        list.setFocusTraversable(false);
        list.setPrefSize(560, 320);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Command command, boolean empty) {
                super.updateItem(command, empty);
                if (empty || command == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                var title = new Label(command.title());
                var spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                var keys = new Label(command.shortcut().replace("Shortcut", "Ctrl"));
                keys.getStyleClass().add("palette-shortcut");
                var row = new HBox(8, title, spacer, keys);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        palette.selectedProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                list.getSelectionModel().select(index.intValue());
                list.scrollTo(Math.max(0, index.intValue() - 4));
            }
        });
        list.getSelectionModel().select(palette.selectedProperty().get());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                palette.selectedProperty().set(list.getSelectionModel().getSelectedIndex());
                run(palette);
            }
        });
        filter.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> palette.move(1);
                case UP -> palette.move(-1);
                case PAGE_DOWN -> palette.move(8);
                case PAGE_UP -> palette.move(-8);
                case ENTER -> run(palette);
                case ESCAPE -> popup.hide();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        var root = new VBox(4, filter, list);
        root.getStyleClass().add("command-palette");
        popup.getContent().add(root);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
    }

    /** Shows the palette centred near the top of {@code owner}, with an empty filter. */
    public void show(Node owner) {
        filter.clear();
        var bounds = owner.localToScreen(owner.getBoundsInLocal());
        popup.getContent().getFirst().getStyleClass().add("command-palette");
        ((Region) popup.getContent().getFirst())
                .getStylesheets()
                .setAll(owner.getScene().getStylesheets());
        popup.show(owner, bounds.getMinX() + Math.max(0, (bounds.getWidth() - 560) / 2), bounds.getMinY() + 60);
        filter.requestFocus();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    private void run(CommandPaletteViewModel palette) {
        popup.hide();
        palette.runSelected();
    }
}

package dev.flowbench.app.desktop.secrets;

import dev.flowbench.app.desktop.secrets.SecretsViewModel.Secret;
import java.io.IOException;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The secrets editor tab: a table of name and masked value, with a per-row "Show" toggle, double-click to change a
 * value (in a password field unless the row is shown), "Delete", a row to add a secret and "Save". Thin: the
 * {@link SecretsViewModel} does the work.
 */
public final class SecretsTab extends Tab {
    private final SecretsViewModel secrets;

    /** @param mayClose asked before a tab with unsaved changes closes; true lets it close */
    public SecretsTab(SecretsViewModel secrets, Predicate<SecretsViewModel> mayClose) {
        this.secrets = secrets;
        getStyleClass().add("secrets-tab");
        textProperty()
                .bind(Bindings.createStringBinding(
                        () -> secrets.file().getFileName()
                                + (secrets.dirtyProperty().get() ? " ●" : ""),
                        secrets.dirtyProperty()));
        setOnCloseRequest(e -> {
            if (secrets.dirtyProperty().get() && !mayClose.test(secrets)) {
                e.consume();
            }
        });

        var save = new Button("Save");
        save.getStyleClass().add("secrets-save");
        save.disableProperty().bind(secrets.dirtyProperty().not());
        save.setOnAction(e -> save());
        var title = new Label(secrets.relative() + " — values are masked; \"Show\" reveals one row");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var message = new Label();
        message.getStyleClass().add("secrets-message");
        message.textProperty().bind(secrets.messageProperty());
        var top = new HBox(8, title, spacer, message, save);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("secrets-toolbar");

        var pane = new BorderPane(table());
        pane.setTop(top);
        pane.setBottom(addRow());
        setContent(pane);
    }

    public SecretsViewModel secrets() {
        return secrets;
    }

    /** Saves the file; a failure shows in the tab's message line. */
    public void save() {
        try {
            secrets.save();
        } catch (IOException e) {
            // Already in the message line (the path and the reason, never the content).
        }
    }

    private TableView<Secret> table() {
        var table = new TableView<>(secrets.secrets());
        table.getStyleClass().add("secrets-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("No secrets yet: add one below"));
        var name = new TableColumn<Secret, String>("Name");
        name.setCellValueFactory(c ->
                new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(240);
        name.setEditable(false);
        var value = new TableColumn<Secret, String>("Value");
        value.setCellValueFactory(c -> c.getValue().shownProperty());
        value.setCellFactory(c -> new ValueCell());
        value.setOnEditCommit(e -> secrets.setValue(e.getRowValue(), e.getNewValue()));
        value.setPrefWidth(260);
        var show = new TableColumn<Secret, Secret>("");
        show.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        show.setCellFactory(c -> new ActionCell(true));
        show.setEditable(false);
        show.setPrefWidth(80);
        var delete = new TableColumn<Secret, Secret>("");
        delete.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        delete.setCellFactory(c -> new ActionCell(false));
        delete.setEditable(false);
        delete.setPrefWidth(80);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.getColumns().add(show);
        table.getColumns().add(delete);
        return table;
    }

    private HBox addRow() {
        var name = new TextField();
        name.setPromptText("NAME");
        name.getStyleClass().add("secrets-new-name");
        var value = new PasswordField();
        value.setPromptText("value");
        value.getStyleClass().add("secrets-new-value");
        var add = new Button("Add");
        add.getStyleClass().add("secrets-add");
        add.setOnAction(e -> {
            if (secrets.add(name.getText(), value.getText())) {
                name.clear();
                value.clear();
            }
        });
        value.setOnAction(add.getOnAction());
        var row = new HBox(8, new Label("New secret"), name, value, add);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("secrets-add-row");
        return row;
    }

    /** The value: masked text, or while editing a password field (a text field when the row is shown). */
    private static final class ValueCell extends TableCell<Secret, String> {
        ValueCell() {
            getStyleClass().add("secret-value");
        }

        @Override
        public void startEdit() {
            Secret secret = getTableRow() == null ? null : getTableRow().getItem();
            if (secret == null) {
                return;
            }
            super.startEdit();
            TextField field = secret.revealedProperty().get() ? new TextField() : new PasswordField();
            field.getStyleClass().add("secret-value-editor");
            field.setText(secret.valueProperty().get());
            field.setOnAction(e -> commitEdit(field.getText()));
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused && isEditing()) {
                    commitEdit(field.getText());
                }
            });
            setText(null);
            setGraphic(field);
            field.requestFocus();
            field.selectAll();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            setGraphic(null);
            setText(getItem());
        }

        @Override
        protected void updateItem(String shown, boolean empty) {
            super.updateItem(shown, empty);
            if (!isEditing()) {
                setGraphic(null);
                setText(empty ? null : shown);
            }
        }
    }

    /** "Show" (a toggle bound to the row's revealed state) or "Delete". */
    private final class ActionCell extends TableCell<Secret, Secret> {
        private final boolean toggle;

        ActionCell(boolean toggle) {
            this.toggle = toggle;
        }

        @Override
        protected void updateItem(Secret secret, boolean empty) {
            super.updateItem(secret, empty);
            setText(null);
            if (empty || secret == null) {
                setGraphic(null);
                return;
            }
            if (toggle) {
                var show = new ToggleButton("Show");
                show.getStyleClass().add("secret-reveal");
                show.selectedProperty().bindBidirectional(secret.revealedProperty());
                setGraphic(show);
            } else {
                var delete = new Button("Delete");
                delete.getStyleClass().add("secret-delete");
                delete.setOnAction(e -> secrets.delete(secret));
                setGraphic(delete);
            }
        }
    }
}

package dev.flowbench.editor.view;

import dev.flowbench.editor.api.CompletionItem;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The completion list next to the caret, with a side pane showing the selected item's detail and markdown
 * docs. It never takes the keyboard focus: the editor forwards navigation keys to it.
 */
final class CompletionPopup {
    private static final int VISIBLE_ROWS = 10;

    private final Popup popup = new Popup();
    private final ListView<CompletionItem> list = new ListView<>();
    private final Label detail = new Label();
    private final MarkdownView docs = new MarkdownView();
    private final ScrollPane docsPane;

    CompletionPopup(ObservableList<String> stylesheets, Consumer<CompletionItem> onAccept) {
        list.getStyleClass().add("completion-list");
        list.setCellFactory(view -> new ItemCell());
        list.setFocusTraversable(false);
        list.setPrefWidth(420);
        list.setFixedCellSize(24);
        // A steady height, like other editors: the list does not jump as filtering shortens it.
        list.setPrefHeight(24 * VISIBLE_ROWS + 4);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) {
                onAccept.accept(selected());
            }
        });
        detail.getStyleClass().add("completion-detail");
        detail.setWrapText(true);
        var docsBox = new VBox(6, detail, docs);
        docsBox.getStyleClass().add("completion-docs-content");
        docsPane = new ScrollPane(docsBox);
        docsPane.getStyleClass().add("completion-docs");
        docsPane.setFitToWidth(true);
        docsPane.setPrefWidth(320);
        docsPane.setPrefHeight(24 * VISIBLE_ROWS + 4);
        docsPane.setFocusTraversable(false);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> showDocs(item));

        var root = new HBox(list, docsPane);
        root.getStyleClass().addAll("flow-editor-popup", "completion-popup");
        Bindings.bindContent(root.getStylesheets(), stylesheets);
        popup.getContent().add(root);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
        popup.setConsumeAutoHidingEvents(false);
        popup.setAutoFix(true);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    void show(Node owner, double screenX, double screenY, List<CompletionItem> items) {
        setItems(items);
        if (!popup.isShowing()) {
            popup.show(owner, screenX, screenY);
        } else {
            popup.setAnchorX(screenX);
            popup.setAnchorY(screenY);
        }
    }

    void setItems(List<CompletionItem> items) {
        list.getItems().setAll(items);
        if (!items.isEmpty()) {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    void hide() {
        popup.hide();
    }

    /** Moves the selection by {@code delta} rows, clamped to the list. */
    void move(int delta) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int index = Math.clamp(list.getSelectionModel().getSelectedIndex() + (long) delta, 0, size - 1);
        list.getSelectionModel().select(index);
        list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
    }

    CompletionItem selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    List<CompletionItem> items() {
        return List.copyOf(list.getItems());
    }

    void onHidden(Runnable action) {
        popup.setOnHidden(e -> action.run());
    }

    private void showDocs(CompletionItem item) {
        boolean hasDocs = item != null
                && !(item.detail().isEmpty() && item.documentation().isEmpty());
        docsPane.setVisible(hasDocs);
        docsPane.setManaged(hasDocs);
        if (hasDocs) {
            // The detail is in the row already; repeat it here only when there are no docs to show instead.
            boolean detailOnly = item.documentation().isEmpty();
            detail.setText(item.detail());
            detail.setVisible(detailOnly);
            detail.setManaged(detailOnly);
            docs.setMarkdown(item.documentation());
            docsPane.setVvalue(0);
        }
    }

    /** A row: kind badge, label, and the detail dimmed on the right. */
    private static final class ItemCell extends ListCell<CompletionItem> {
        private final Label kind = new Label();
        private final Label label = new Label();
        private final Label detail = new Label();
        private final HBox row;

        ItemCell() {
            kind.getStyleClass().add("completion-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            label.getStyleClass().add("completion-label");
            label.setMinWidth(0);
            detail.getStyleClass().add("completion-item-detail");
            detail.setMinWidth(0);
            detail.setMaxWidth(140);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(6, kind, label, spacer, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            // Long names are cut with an ellipsis rather than widening the list into a horizontal scroll.
            row.setMinWidth(0);
            row.prefWidthProperty().bind(widthProperty().subtract(18));
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            getStyleClass().add("completion-cell");
        }

        @Override
        protected void updateItem(CompletionItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String name = item.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            kind.setText(badge(item.kind()));
            kind.getStyleClass().setAll("completion-kind", "completion-kind-" + name);
            label.setText(item.label());
            detail.setText(item.detail());
            setText(null);
            setGraphic(row);
        }

        private static String badge(CompletionItem.Kind kind) {
            return switch (kind) {
                case PROPERTY -> "P";
                case VALUE -> "V";
                case ENUM_VALUE -> "E";
                case TYPE -> "T";
                case VARIABLE -> "x";
                case FUNCTION -> "ƒ";
                case SECRET -> "S";
                case SNIPPET -> "{}";
                case KEYWORD -> "K";
            };
        }
    }
}

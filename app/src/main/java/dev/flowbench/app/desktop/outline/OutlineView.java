package dev.flowbench.app.desktop.outline;

import dev.flowbench.editor.language.OutlineNode;
import java.util.function.Consumer;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;

/** The outline tree; selecting an entry (click or Enter) selects its id in the editor. */
public final class OutlineView extends TreeView<OutlineNode> {

    /** @param runTask runs one task of the flow (from the entry's context menu) */
    public OutlineView(OutlineViewModel outline, Consumer<OutlineNode> reveal, Consumer<String> runTask) {
        getStyleClass().add("outline-view");
        setShowRoot(true);
        setCellFactory(view -> new TreeCell<>() {
            @Override
            protected void updateItem(OutlineNode node, boolean empty) {
                super.updateItem(node, empty);
                if (empty || node == null) {
                    setText(null);
                    setContextMenu(null);
                    return;
                }
                String detail = node.detail().isBlank() ? "" : "  " + shortType(node.detail());
                setText(node.name() + detail);
                if (node.kind() == OutlineNode.Kind.TASK
                        && getTreeItem() != null
                        && getTreeItem().getParent() != null
                        && getTreeItem().getParent().getValue().kind() == OutlineNode.Kind.FLOW) {
                    var run = new javafx.scene.control.MenuItem("Run this task");
                    run.setOnAction(e -> runTask.accept(node.name()));
                    setContextMenu(new javafx.scene.control.ContextMenu(run));
                } else {
                    setContextMenu(null);
                }
            }
        });
        show(outline.rootProperty().get());
        outline.rootProperty().addListener((obs, old, root) -> show(root));
        setOnMouseClicked(e -> {
            TreeItem<OutlineNode> item = getSelectionModel().getSelectedItem();
            if (item != null && e.getClickCount() >= 1) {
                reveal.accept(item.getValue());
            }
        });
        setOnKeyPressed(e -> {
            TreeItem<OutlineNode> item = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                reveal.accept(item.getValue());
            }
        });
    }

    private void show(OutlineNode root) {
        setRoot(root == null ? null : item(root));
    }

    private static TreeItem<OutlineNode> item(OutlineNode node) {
        var item = new TreeItem<>(node);
        item.setExpanded(true);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    /** {@code io.kestra.plugin.core.log.Log} → {@code Log}: the outline has little room. */
    private static String shortType(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}

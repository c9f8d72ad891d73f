package dev.flowbench.app.desktop.workspace;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;

/** The explorer tree: double-click or Enter opens a file; a context menu creates, renames and deletes. */
public final class WorkspaceView extends TreeView<WorkspaceEntry> {

    /** What the explorer's menu asks of the window (which owns the dialogs). */
    public interface Actions {
        void open(WorkspaceEntry entry);

        void newFlow();

        void rename(WorkspaceEntry entry);

        void delete(WorkspaceEntry entry);
    }

    private final Set<String> expanded = new HashSet<>(Set.of("", "flows", "environments"));

    public WorkspaceView(WorkspaceViewModel workspace, Actions actions) {
        getStyleClass().add("workspace-view");
        setShowRoot(false);
        setCellFactory(view -> new TreeCell<>() {
            @Override
            protected void updateItem(WorkspaceEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().removeIf(s -> s.startsWith("kind-"));
                if (empty || entry == null) {
                    setText(null);
                    setContextMenu(null);
                    return;
                }
                setText(entry.name());
                getStyleClass()
                        .add("kind-"
                                + (entry.directory()
                                        ? "folder"
                                        : entry.kind().name().toLowerCase(java.util.Locale.ROOT)));
                setContextMenu(menu(entry, actions));
            }
        });
        show(workspace.treeProperty().get());
        workspace.treeProperty().addListener((obs, old, tree) -> show(tree));
        setOnMouseClicked(e -> {
            TreeItem<WorkspaceEntry> item = getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null && !item.getValue().directory()) {
                actions.open(item.getValue());
            }
        });
        setOnKeyPressed(e -> {
            TreeItem<WorkspaceEntry> item = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null && !item.getValue().directory()) {
                actions.open(item.getValue());
            }
        });
    }

    private ContextMenu menu(WorkspaceEntry entry, Actions actions) {
        var newFlow = new MenuItem("New flow…");
        newFlow.setOnAction(e -> actions.newFlow());
        if (entry.directory()) {
            return new ContextMenu(newFlow);
        }
        var open = new MenuItem("Open");
        open.setOnAction(e -> actions.open(entry));
        var rename = new MenuItem("Rename…");
        rename.setOnAction(e -> actions.rename(entry));
        var delete = new MenuItem("Delete…");
        delete.setOnAction(e -> actions.delete(entry));
        return new ContextMenu(open, newFlow, rename, delete);
    }

    private void show(WorkspaceEntry root) {
        if (getRoot() != null) {
            remember(getRoot());
        }
        setRoot(root == null ? null : item(root));
    }

    private void remember(TreeItem<WorkspaceEntry> item) {
        String key = item.getValue().relative().toString();
        if (item.isExpanded()) {
            expanded.add(key);
        } else {
            expanded.remove(key);
        }
        item.getChildren().forEach(this::remember);
    }

    private TreeItem<WorkspaceEntry> item(WorkspaceEntry entry) {
        var item = new TreeItem<>(entry);
        item.setExpanded(expanded.contains(entry.relative().toString()));
        entry.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }
}

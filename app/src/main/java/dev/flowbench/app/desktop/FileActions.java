package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.document.EditorTabsView;
import dev.flowbench.app.desktop.run.RunView;
import dev.flowbench.app.desktop.run.TaskOutputFile;
import dev.flowbench.app.desktop.secrets.SecretsTab;
import dev.flowbench.app.desktop.secrets.SecretsViewModel;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.desktop.workspace.FileKind;
import dev.flowbench.app.desktop.workspace.WorkspaceEntry;
import dev.flowbench.app.desktop.workspace.WorkspaceView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window's file actions that open dialogs or tabs: the explorer's open / rename / delete, the secrets
 * editor, and opening or saving the output files of runs.
 */
final class FileActions {
    private final Stage stage;
    private final WorkbenchViewModel workbench;
    private final EditorTabsView tabs;
    private final Dialogs dialogs;
    private final SystemOpener opener;
    private final Consumer<String> say;
    private final Runnable newFlow;

    FileActions(
            Stage stage,
            WorkbenchViewModel workbench,
            EditorTabsView tabs,
            Dialogs dialogs,
            SystemOpener opener,
            Consumer<String> say,
            Runnable newFlow) {
        this.stage = stage;
        this.workbench = workbench;
        this.tabs = tabs;
        this.dialogs = dialogs;
        this.opener = opener;
        this.say = say;
        this.newFlow = newFlow;
    }

    /** Opens the secrets editor on {@code file} (values masked), or selects it when open. */
    void openSecrets(Path file, Path relative) {
        Object key = "secrets:" + file.toAbsolutePath().normalize();
        if (tabs.getTabs().stream().anyMatch(t -> key.equals(t.getUserData()))) {
            tabs.showTab(key, () -> null);
            return;
        }
        SecretsViewModel secrets;
        try {
            secrets = SecretsViewModel.load(file, relative);
        } catch (IOException e) {
            say.accept("Cannot read " + relative + ": " + e.getMessage());
            return;
        }
        tabs.showTab(key, () -> new SecretsTab(secrets, this::mayCloseSecrets));
    }

    /** Asks Save / Don't Save / Cancel for a secrets file with unsaved changes; true when its tab may close. */
    boolean mayCloseSecrets(SecretsViewModel secrets) {
        return switch (dialogs.unsaved(List.of(secrets.relative()))) {
            case SAVE -> {
                try {
                    secrets.save();
                    yield true;
                } catch (IOException e) {
                    yield false;
                }
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** What the explorer's menu does. */
    WorkspaceView.Actions explorer() {
        return new WorkspaceView.Actions() {
            @Override
            public void open(WorkspaceEntry entry) {
                if (entry.kind() == FileKind.SECRETS) {
                    openSecrets(entry.path(), entry.relative());
                } else if (entry.kind().isEditable()) {
                    workbench.open(entry.path());
                } else {
                    say.accept(entry.relative() + " is not a text file Flowbench edits");
                }
            }

            @Override
            public void newFlow() {
                newFlow.run();
            }

            @Override
            public void rename(WorkspaceEntry entry) {
                if (!workbench.tabs().canRename(entry.path())) {
                    say.accept("Save or close " + entry.relative() + " before renaming it");
                    return;
                }
                var dialog = new TextInputDialog(entry.name());
                dialog.initOwner(stage);
                dialog.setTitle("Rename");
                dialog.setHeaderText("New name for " + entry.relative());
                dialog.showAndWait().ifPresent(name -> {
                    try {
                        Path renamed = workbench.workspace().rename(entry.path(), name);
                        workbench.tabs().renamed(entry.path(), renamed);
                    } catch (IOException e) {
                        say.accept("Cannot rename: " + e.getMessage());
                    }
                });
            }

            @Override
            public void delete(WorkspaceEntry entry) {
                if (!dialogs.confirm("delete-dialog", "Delete file", "Delete " + entry.relative() + "?")) {
                    return;
                }
                workbench.tabs().find(entry.path()).ifPresent(workbench.tabs()::discardAndClose);
                try {
                    workbench.workspace().delete(entry.path());
                } catch (IOException e) {
                    say.accept("Cannot delete: " + e.getMessage());
                }
            }
        };
    }

    /** Opening and saving the output files of runs. */
    RunView.OutputFiles outputFiles() {
        return new OutputFileActions();
    }

    /** Output files of runs: text in a read-only tab, the rest with the system's viewer, saved where chosen. */
    private final class OutputFileActions implements RunView.OutputFiles {
        @Override
        public void openText(TaskOutputFile file) {
            String text;
            try {
                text = file.text();
            } catch (IOException e) {
                say.accept("Cannot read " + file.name() + ": " + e.getMessage());
                return;
            }
            tabs.showTab("output:" + file.path(), () -> {
                var area = new TextArea(text);
                area.setEditable(false);
                area.getStyleClass().add("output-file-text");
                var tab = new Tab(file.name() + " (output)", area);
                tab.getStyleClass().add("output-file-tab");
                tab.setTooltip(new Tooltip(file.path().toString()));
                return tab;
            });
        }

        @Override
        public void openWithSystem(Path file) {
            opener.open(file);
        }

        @Override
        public Optional<Path> chooseTarget(TaskOutputFile file) {
            var chooser = new FileChooser();
            chooser.setTitle("Save " + file.name());
            chooser.setInitialFileName(file.name());
            return Optional.ofNullable(chooser.showSaveDialog(stage)).map(java.io.File::toPath);
        }
    }
}

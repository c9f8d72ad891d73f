package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.document.UnsavedChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The main window's modal questions; each returns the user's answer (closing a dialog means "cancel"). */
final class Dialogs {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private final Window owner;

    Dialogs(Window owner) {
        this.owner = owner;
    }

    /** Save / Don't Save / Cancel for files with unsaved changes, named relative to the workspace. */
    UnsavedChoice unsaved(List<Path> dirty) {
        String header = dirty.size() == 1
                ? "Save the changes to " + dirty.getFirst().getFileName() + "?"
                : "Save the changes to " + dirty.size() + " files?";
        String files = dirty.stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
        var alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                files + "\n\nYour changes are lost if you don't save them.",
                SAVE,
                DONT_SAVE,
                ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText(header);
        alert.getDialogPane().getStyleClass().add("unsaved-dialog");
        alert.initOwner(owner);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == SAVE) {
            return UnsavedChoice.SAVE;
        }
        return answer == DONT_SAVE ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    /** An OK / Cancel question; true for OK. */
    boolean confirm(String styleClass, String header, String text) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(header);
        alert.getDialogPane().getStyleClass().add(styleClass);
        alert.initOwner(owner);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}

package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip above the panels: the environment selector and the command palette button. */
final class Toolbar {
    private final HBox box;

    Toolbar(WorkbenchViewModel workbench, Runnable palette) {
        var label = new Label("Environment");
        var environments = new ChoiceBox<>(workbench.environments());
        environments.getStyleClass().add("environment-selector");
        environments.valueProperty().bindBidirectional(workbench.environmentProperty());
        environments.setTooltip(new Tooltip("pluginDefaults and secrets of this environment apply to validation"));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var commands = new Button("Commands  Ctrl+Shift+P");
        commands.getStyleClass().add("palette-button");
        commands.setFocusTraversable(false);
        commands.setOnAction(e -> palette.run());
        box = new HBox(8, label, environments, spacer, commands);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("main-toolbar");
    }

    Node node() {
        return box;
    }
}

package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.docs.DocsView;
import dev.flowbench.app.desktop.outline.OutlineView;
import dev.flowbench.app.desktop.plugins.PluginsView;
import dev.flowbench.app.desktop.problems.Problem;
import dev.flowbench.app.desktop.problems.ProblemsView;
import dev.flowbench.app.desktop.run.RunView;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.desktop.workspace.WorkspaceView;
import dev.flowbench.editor.language.OutlineNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The panels around the editor: explorer and outline on the left, problems and run below, docs on the right.
 * They start as empty holders and are built by {@link #build()} once the editor is on screen (or when first
 * needed), so that start-up draws the editor first; the outline, plugins and run panels are built when their
 * tab is first shown.
 */
final class Panels {
    /** What the panels ask of the window. */
    record Actions(
            Consumer<String> insertAtCaret,
            Consumer<Problem> jumpTo,
            WorkspaceView.Actions explorer,
            Consumer<OutlineNode> reveal,
            Consumer<String> runTask,
            Supplier<String> flowText,
            Consumer<Path> openWithSystem,
            RunView.OutputFiles outputFiles,
            Runnable built) {}

    private final WorkbenchViewModel workbench;
    private final Actions actions;
    private final StackPane left = holder("left-panels");
    private final StackPane bottom = holder("bottom-panels");
    private final StackPane right = holder("right-panels");
    private TabPane bottomTabs;
    private Tab runTab;
    private RunView runView;
    private boolean built;

    Panels(WorkbenchViewModel workbench, Actions actions) {
        this.workbench = workbench;
        this.actions = actions;
    }

    Node left() {
        return left;
    }

    Node bottom() {
        return bottom;
    }

    Node right() {
        return right;
    }

    /** Whether {@link #build()} ran. */
    boolean isBuilt() {
        return built;
    }

    /** Builds every panel but the run panel, once; later calls do nothing. */
    void build() {
        if (built) {
            return;
        }
        built = true;
        right.getChildren().setAll(new DocsView(workbench.docs(), actions.insertAtCaret()));
        var explorer = new WorkspaceView(workbench.workspace(), actions.explorer());
        var sides = new TabPane(
                tab("Explorer", explorer),
                lazyTab("Outline", () -> new OutlineView(workbench.outline(), actions.reveal(), actions.runTask())),
                lazyTab(
                        "Plugins",
                        () -> new PluginsView(
                                workbench.plugins(), workbench::reloadPlugins, actions.openWithSystem())));
        sides.getStyleClass().add("side-tabs");
        left.getChildren().setAll(sides);
        var problems = new ProblemsView(workbench.problems(), actions.jumpTo(), workbench::validateWorkspace);
        runTab = tab("Run", null);
        bottomTabs = new TabPane(tab("Problems", problems), runTab);
        bottomTabs.getStyleClass().add("bottom-tabs");
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected == runTab) {
                runView();
            }
        });
        bottom.getChildren().setAll(bottomTabs);
        actions.built().run();
    }

    /** Shows the run panel's tab {@code index} (0 run, 1 plan, 2 history), building what is missing. */
    void showRun(int index) {
        build();
        bottomTabs.getSelectionModel().select(runTab);
        runView().getSelectionModel().select(index);
    }

    private RunView runView() {
        if (runView == null) {
            runView = new RunView(workbench.run(), actions.flowText(), actions.outputFiles());
            runTab.setContent(runView);
        }
        return runView;
    }

    /** A tab whose content is built when the tab is first selected (a hidden tab's content costs start-up time). */
    private static Tab lazyTab(String title, Supplier<Node> content) {
        var tab = tab(title, null);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    private static StackPane holder(String styleClass) {
        var holder = new StackPane();
        holder.getStyleClass().add(styleClass);
        return holder;
    }

    private static Tab tab(String title, Node content) {
        var tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }
}

package dev.flowbench.app.desktop;

import static dev.flowbench.app.desktop.AppFx.call;
import static dev.flowbench.app.desktop.AppFx.clickUntil;
import static dev.flowbench.app.desktop.AppFx.run;
import static dev.flowbench.app.desktop.AppFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.docs.DocsViewModel;
import dev.flowbench.app.desktop.document.DocumentTab;
import dev.flowbench.app.desktop.run.RunViewModel;
import dev.flowbench.app.desktop.secrets.SecretsViewModel;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.workspace.ExampleWorkspace;
import dev.flowbench.app.workspace.WorkspaceInstance;
import dev.flowbench.editor.view.FlowEditor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journeys through the real main window on the headless platform, on a private copy of the example workspace. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";

    @TempDir
    static Path temp;

    Path workspace;
    Stage stage;
    MainWindow window;
    final ExecutorService background = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        workspace = AppFx.copyWorkspace(ExampleWorkspace.path(), Files.createTempDirectory(temp, "workspace"));
        window = open(stage);
    }

    MainWindow open(Stage target) {
        var workbench = new WorkbenchViewModel(workspace, background, Platform::runLater, scheduler);
        return MainWindow.show(target, workbench);
    }

    @AfterEach
    void stop() throws InterruptedException {
        window.workbench().run().dispose();
        background.shutdownNow();
        scheduler.shutdownNow();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    FlowEditor editor() {
        return call(() -> window.tabs().selectedTab().map(DocumentTab::editor).orElseThrow());
    }

    void waitForLanguages(MainWindow target) {
        waitUntil(30, () -> target.workbench().registryProperty().get() != null);
    }

    /** Waits up to a minute for the window's run to end, and returns the run panel's model. */
    RunViewModel awaitRunEnd() {
        var runs = window.workbench().run();
        waitUntil(
                60,
                () -> !runs.runningProperty().get()
                        && runs.executionProperty().get() != null
                        && runs.executionProperty().get().state().isTerminal());
        return runs;
    }

    @Test
    void theExampleFlowOpensOnAFirstStart() throws IOException {
        String hello = Files.readString(workspace.resolve("flows/hello.yaml"));
        assertThat(call(() -> editor().getText())).isEqualTo(hello);
        assertThat(call(() -> window.tabs().getTabs().getFirst().getText())).isEqualTo("hello.yaml");
        assertThat(call(stage::getTitle)).startsWith("Flowbench — ");
    }

    @Test
    void thePanelsAroundTheEditorAppearRightAfterItsFirstFrame(FxRobot robot) {
        waitUntil(10, window::panelsBuilt);
        for (String panel :
                List.of(".workspace-view", ".problems-view", ".docs-view", ".main-toolbar", ".status-bar")) {
            waitUntil(5, () -> robot.lookup(panel).tryQuery().isPresent());
        }
        // Panels in tabs not shown yet are built when first shown.
        assertThat(robot.lookup(".outline-view").tryQuery()).isEmpty();
        robot.clickOn("Outline");
        waitUntil(5, () -> robot.lookup(".outline-view").tryQuery().isPresent());
        assertThat(robot.lookup(".run-view").tryQuery()).isEmpty();
        run(window::planFlow);
        waitUntil(5, () -> robot.lookup(".run-view").tryQuery().isPresent());
    }

    @Test
    void closingATabOrTheWindowWithUnsavedEditsAsksSaveDontSaveOrCancel(FxRobot robot) throws IOException {
        Path hello = workspace.resolve("flows/hello.yaml");
        String original = Files.readString(hello);
        type(robot, "# kept\n");
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        answer(robot, "Cancel");
        assertThat(call(() -> window.workbench().tabs().documents().size())).isEqualTo(1);
        assertThat(call(() -> window.workbench().tabs().getSelected().isDirty()))
                .isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        answer(robot, "Save");
        waitUntil(5, () -> window.workbench().tabs().documents().isEmpty());
        assertThat(Files.readString(hello)).isEqualTo(original + "# kept\n");

        run(() -> window.workbench().open(hello));
        type(robot, "# dropped\n");
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, "Don't Save");
        waitUntil(5, () -> !stage.isShowing());
        assertThat(Files.readString(hello)).isEqualTo(original + "# kept\n");
        window.workbench().journal().flush();
        assertThat(window.workbench().journal().entries()).isEmpty();
    }

    @Test
    void closingTheWindowDuringARunAsksWhetherToStopIt(FxRobot robot) throws IOException {
        Files.writeString(
                workspace.resolve("flows/slow.yaml"),
                "id: slow\nnamespace: company.team\ntasks:\n  - id: wait\n"
                        + "    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [\"sleep 30\"]\n");
        waitForLanguages(window);
        run(() -> window.workbench().environmentProperty().set(WorkbenchViewModel.NO_ENVIRONMENT));
        run(() -> window.workbench().open(workspace.resolve("flows/slow.yaml")));
        run(window::runFlow);
        var runs = window.workbench().run();
        waitUntil(30, () -> runs.tasks().stream().anyMatch(t -> t.state() == dev.flowbench.engine.State.RUNNING));

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(5, () -> robot.lookup(".stop-run-dialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        waitUntil(5, () -> robot.lookup(".stop-run-dialog").tryQuery().isEmpty());
        assertThat(call(stage::isShowing)).isTrue();
        assertThat(call(() -> runs.runningProperty().get())).isTrue();

        run(window::stopRun);
        waitUntil(30, () -> !runs.runningProperty().get());
    }

    @Test
    void theSecretsEditorMasksValuesRevealsOneRowAndSavesOwnerOnly(FxRobot robot) throws IOException {
        Path secrets = workspace.resolve("secrets/dev.env");
        Files.writeString(secrets, "# dev\nTOKEN=s3cr3t\n");
        run(() -> window.openSecrets(secrets, workspace.relativize(secrets)));
        waitUntil(
                5,
                () -> robot.lookup(".secret-value").queryAllAs(Labeled.class).stream()
                        .anyMatch(cell -> SecretsViewModel.MASK.equals(cell.getText())));
        assertThat(shownTexts(robot)).noneMatch(text -> text.contains("s3cr3t"));

        robot.clickOn(".secret-reveal");
        waitUntil(5, () -> shownTexts(robot).contains("s3cr3t"));

        robot.clickOn(".secrets-new-name").write("API_KEY");
        robot.clickOn(".secrets-new-value").write("k3y");
        assertThat(shownTexts(robot)).noneMatch(text -> text.contains("k3y"));
        robot.clickOn(".secrets-add");
        waitUntil(
                5,
                () -> robot.lookup(".secrets-tab").tryQuery().isPresent()
                        || window.tabs()
                                .getSelectionModel()
                                .getSelectedItem()
                                .getText()
                                .endsWith("●"));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(5, () -> Files.readString(secrets).contains("API_KEY=k3y"));
        assertThat(Files.readString(secrets)).isEqualTo("# dev\nTOKEN=s3cr3t\nAPI_KEY=k3y\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rw-------");
        assertThat(call(() ->
                        window.tabs().getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("dev.env");
        assertThat(shownTexts(robot)).noneMatch(text -> text.contains("k3y"));
    }

    @Test
    void thePluginsViewListsWhereEachPluginCameFromAndWhyABrokenJarFailed(FxRobot robot) throws IOException {
        Files.createDirectories(workspace.resolve("plugins"));
        Files.write(workspace.resolve("plugins/broken.jar"), new byte[] {1, 2, 3});
        waitUntil(10, window::panelsBuilt);
        robot.clickOn("Plugins");
        waitUntil(30, () -> window.workbench().registryProperty().get() != null);
        robot.clickOn(".plugins-reload");
        waitUntil(30, () -> shownTexts(robot).contains("broken.jar"));
        List<String> texts = shownTexts(robot);
        assertThat(texts).anyMatch(text -> text.startsWith("not a readable JAR"));
        assertThat(texts).contains("built-in", "workspace", "io.kestra.plugin.core.log.Log");
        assertThat(texts).anyMatch(text -> text.startsWith("workspace: ") && text.endsWith("plugins"));
    }

    @Test
    void aTasksOutputFileOpensAsTextFromTheRunPanel(FxRobot robot) {
        waitForLanguages(window);
        run(() -> window.workbench().environmentProperty().set(WorkbenchViewModel.NO_ENVIRONMENT));
        run(() -> window.workbench().open(workspace.resolve("flows/output-file.yaml")));
        run(window::runFlow);
        var runs = awaitRunEnd();
        assertThat(call(() -> runs.executionProperty().get().state())).isEqualTo(dev.flowbench.engine.State.SUCCESS);

        waitUntil(5, () -> robot.lookup(".run-tasks .table-row-cell").tryQuery().isPresent());
        clickUntil(
                robot,
                () -> robot.lookup(".run-tasks .table-cell")
                        .match(node -> node instanceof Labeled l && "produce".equals(l.getText()))
                        .<javafx.scene.Node>query(),
                () -> shownTexts(robot).contains("report.csv"));
        robot.clickOn(".output-open");
        waitUntil(5, () -> robot.lookup(".output-file-text").tryQuery().isPresent());
        assertThat(robot.lookup(".output-file-text")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText())
                .isEqualTo("city,visits\nLisbon,3\nOslo,5\n");
        assertThat(call(() ->
                        window.tabs().getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("report.csv (output)");
    }

    /** The text shown by every label, cell and text field (password fields show dots) of the showing windows. */
    private static List<String> shownTexts(FxRobot robot) {
        return call(() ->
                robot.lookup(node -> node instanceof Labeled || node instanceof TextInputControl).queryAll().stream()
                        .filter(node -> !(node instanceof javafx.scene.control.PasswordField))
                        .map(node -> node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText())
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    private void type(FxRobot robot, String text) {
        FlowEditor editor = editor();
        run(() -> {
            editor.codeArea().requestFocus();
            editor.codeArea().moveTo(editor.codeArea().getLength());
        });
        robot.write(text);
        waitUntil(5, () -> window.workbench().tabs().getSelected().isDirty());
    }

    /** Waits for the unsaved-changes question and clicks {@code button}. */
    private static void answer(FxRobot robot, String button) {
        waitUntil(5, () -> robot.lookup(".unsaved-dialog").tryQuery().isPresent());
        robot.clickOn(button);
        waitUntil(5, () -> robot.lookup(".unsaved-dialog").tryQuery().isEmpty());
    }

    @Test
    void aFlowWrittenFromScratchWithCompletionEndsWithZeroProblems(FxRobot robot) throws IOException {
        waitForLanguages(window);
        run(() -> window.newFlow("scratch"));
        FlowEditor editor = editor();
        assertThat(call(editor::getText)).isEqualTo("id: scratch\nnamespace: company.team\n\ntasks:\n");
        run(() -> {
            editor.codeArea().requestFocus();
            editor.codeArea().moveTo(editor.codeArea().getLength());
        });
        robot.write("  - id: hello");
        robot.type(KeyCode.ENTER);
        robot.write("type: ");
        waitUntil(
                10,
                () -> robot.lookup(".completion-list").tryQuery().isPresent()
                        && robot.lookup(".completion-list").query().isVisible());
        robot.write("log.Log");
        robot.type(KeyCode.ENTER);
        waitUntil(5, () -> editor.getText().contains("type: io.kestra.plugin.core.log.Log\n    message: "));
        robot.write("Hello from scratch");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        waitUntil(10, () -> !window.workbench().tabs().getSelected().isDirty());
        assertThat(Files.readString(workspace.resolve("flows/scratch.yaml")))
                .isEqualTo("id: scratch\nnamespace: company.team\n\ntasks:\n  - id: hello\n"
                        + "    type: io.kestra.plugin.core.log.Log\n    message: Hello from scratch");
        waitUntil(10, () -> !editor.busyProperty().get());
        waitUntil(10, () -> window.workbench().problems().problems().isEmpty());
        assertThat(call(() -> window.workbench().problems().errorsProperty().get()))
                .isZero();
        assertThat(call(() -> window.workbench().problems().warningsProperty().get()))
                .isZero();
    }

    @Test
    void ctrlClickOnTheDockerRunnerTypeShowsItsDocsWithPullPolicy(FxRobot robot) throws IOException {
        String flow = "id: docker\nnamespace: company.team\ntasks:\n  - id: run\n"
                + "    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [ls]\n"
                + "    taskRunner:\n      type: " + DOCKER + "\n";
        Files.writeString(workspace.resolve("flows/docker.yaml"), flow);
        waitForLanguages(window);
        run(() -> window.workbench().open(workspace.resolve("flows/docker.yaml")));
        FlowEditor editor = editor();
        int offset = flow.indexOf(DOCKER) + 10;
        waitUntil(10, () -> editor.docLinkAtCaret().isPresent() || linkAt(editor, offset));
        Point2D point = call(() -> {
            Bounds b = editor.codeArea()
                    .getCharacterBoundsOnScreen(offset, offset + 1)
                    .orElseThrow();
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
        robot.clickOn(point);
        robot.press(KeyCode.CONTROL).clickOn(point).release(KeyCode.CONTROL);

        waitUntil(
                5,
                () -> window.workbench().docs().pageProperty().get() instanceof DocsViewModel.PluginPage page
                        && page.typeId().equals(DOCKER));
        waitUntil(
                5,
                () -> robot.lookup(".docs-property-name").queryAllAs(Labeled.class).stream()
                        .anyMatch(label -> label.getText().equals("pullPolicy")));
        assertThat(robot.lookup(".docs-title").queryAs(Labeled.class).getText()).containsIgnoringCase("docker");
    }

    @Test
    void editsSurviveAKilledAppAndComeBackOnTheNextStart() throws Exception {
        Path flow = workspace.resolve("flows/hello.yaml");
        String saved = Files.readString(flow);
        String note = "# unsaved note\n";
        // Another app process on the same workspace edits the flow and dies by SIGKILL once the edit is journalled.
        Process app = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Dglass.platform=Headless",
                        "-Dprism.order=sw",
                        "-Djava.awt.headless=true",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EditThenAwaitKill.class.getName(),
                        workspace.toString(),
                        note)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var out = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
            var journaled = CompletableFuture.supplyAsync(() -> out.lines().anyMatch("journaled"::equals));
            assertThat(journaled.get(90, TimeUnit.SECONDS))
                    .as("the app process journalled its edit")
                    .isTrue();
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        assertThat(app.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Stage next = call(Stage::new);
        MainWindow restarted = call(() -> open(next));
        FlowEditor restored =
                call(() -> restarted.tabs().selectedTab().orElseThrow().editor());
        assertThat(call(restored::getText)).isEqualTo(saved + note);
        assertThat(call(() ->
                        restarted.tabs().getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("hello.yaml ●");
        assertThat(call(() -> restarted.workbench().messageProperty().get()))
                .isEqualTo("Restored unsaved edits of 1 file: flows/hello.yaml");
        assertThat(Files.readString(flow)).isEqualTo(saved);
        run(next::close);
    }

    @Test
    void aLaterLaunchOnTheSameWorkspaceOpensItsFileHereAndBringsTheWindowForward() throws IOException {
        Path other = Files.writeString(workspace.resolve("flows/other.yaml"), "id: other\n");
        try (var instance = WorkspaceInstance.claim(workspace).orElseThrow()) {
            instance.listen(files -> Platform.runLater(() -> window.openRequested(files)));
            run(() -> stage.setIconified(true));

            assertThat(WorkspaceInstance.forward(workspace, List.of(other), Duration.ofSeconds(10)))
                    .isTrue();

            waitUntil(
                    10,
                    () -> "other.yaml"
                            .equals(call(() ->
                                    window.workbench().tabs().getSelected().name())));
            assertThat(call(() ->
                            window.tabs().getTabs().stream().map(Tab::getText).toList()))
                    .containsExactly("hello.yaml", "other.yaml");
            assertThat(call(stage::isIconified)).isFalse();
        }
    }

    @Test
    void theCommandPaletteRunsACommandByName(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(5, () -> robot.lookup(".palette-filter").tryQuery().isPresent());
        robot.write("dark theme");
        robot.type(KeyCode.ENTER);
        waitUntil(5, () -> window.workbench().themeProperty().get() == WorkbenchViewModel.Theme.DARK);
        assertThat(call(() -> stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("app-dark.css"))))
                .isTrue();
    }

    @Test
    void runningHelloWithTheProcessRunnerShowsLogsStatesAndHistory(FxRobot robot) {
        waitForLanguages(window);
        run(() -> window.workbench().environmentProperty().set(WorkbenchViewModel.NO_ENVIRONMENT));
        run(() -> editor().codeArea().requestFocus());
        robot.type(KeyCode.F5);
        var runs = awaitRunEnd();
        assertThat(call(() -> runs.executionProperty().get().state())).isEqualTo(dev.flowbench.engine.State.SUCCESS);
        assertThat(call(() -> runs.tasks().stream()
                        .map(t -> t.taskId() + "=" + t.state())
                        .toList()))
                .containsExactly("greet=SUCCESS", "log=SUCCESS");
        waitUntil(
                5,
                () -> robot.lookup(".log-line").queryAllAs(Labeled.class).stream()
                        .anyMatch(
                                cell -> cell.getText() != null && cell.getText().contains("Hello, world!")));
        waitUntil(10, () -> runs.pastRuns().size() == 1);
    }

    @Test
    void switchingToProdPlansTheSameFlowAsAKubernetesPod(FxRobot robot) throws IOException {
        // As a user would: fill prod's secrets from the example file (owner-only, as Flowbench asks).
        Path secrets = workspace.resolve("secrets/prod.env");
        Files.copy(workspace.resolve("secrets/prod.env.example"), secrets);
        Files.setPosixFilePermissions(secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        waitForLanguages(window);
        run(() -> window.workbench().environmentProperty().set("prod"));
        run(window::planFlow);
        var runs = window.workbench().run();
        waitUntil(30, () -> !runs.plans().isEmpty());
        waitUntil(
                5,
                () -> robot.lookup(".plan-text")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText()
                        .contains("Pod"));
        String plan = robot.lookup(".plan-text")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        assertThat(plan)
                .startsWith("# flow hello in environment prod")
                .contains("## greet")
                .containsIgnoringCase("kubernetes");
    }

    private static boolean linkAt(FlowEditor editor, int offset) {
        int caret = editor.codeArea().getCaretPosition();
        editor.codeArea().moveTo(offset);
        boolean found = editor.docLinkAtCaret().isPresent();
        editor.codeArea().moveTo(caret);
        return found;
    }
}

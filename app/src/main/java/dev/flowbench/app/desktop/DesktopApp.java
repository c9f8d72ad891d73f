package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.workbench.UserSettings;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.housekeeping.DockerHousekeeping;
import dev.flowbench.app.workspace.ExampleWorkspace;
import dev.flowbench.app.workspace.WorkspaceInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop entry point: opens the editor window on a workspace and returns when the user closes it.
 *
 * <p>When no window can be shown (no display, or the toolkit fails to start) it prints one line saying so and
 * naming the headless commands, and returns {@link #NO_DISPLAY}; it never prints a stack trace.
 */
public final class DesktopApp {
    /** Exit code when the editor cannot open; the same as the command line's "unusable input". */
    public static final int NO_DISPLAY = 2;

    /**
     * JavaFX warns on every start when it was loaded from the class path rather than as modules (as in tests and
     * IDE runs; the launcher puts it on the module path): the warning only alarms users, so it is silenced. Held
     * here so the setting is not garbage collected; looked up only then, since the first logger lookup scans the
     * whole class path.
     */
    private static Logger javafxLog;

    /** How long a closed window waits for its background work to finish before the process exits. */
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(3);

    private static final Duration HOUSEKEEPING_DELAY = Duration.ofSeconds(2);

    /** The system property naming a file to create once the editor has shown its workspace. */
    static final String EDITOR_SHOWN_MARKER = "flowbench.editorShownMarker";

    /** How long a launch waits for the Flowbench already open on its workspace to take its files. */
    private static final Duration HAND_OVER_LIMIT = Duration.ofSeconds(10);

    private DesktopApp() {}

    /** Opens the editor on {@code workspace}, blocks until its window is closed, and returns the exit code. */
    public static int launch(Path workspace) {
        return launch(workspace, List.of());
    }

    /**
     * Opens the editor on {@code workspace} with {@code files} in tabs (the last selected), blocks until its window
     * is closed, and returns the exit code. With files, the workspace is the one asked for, not the last one used.
     */
    public static int launch(Path workspace, List<Path> files) {
        return launch(
                workspace,
                files,
                System.getenv(),
                System.getProperty("os.name"),
                System.getProperty("glass.platform"),
                System.err);
    }

    static int launch(
            Path workspace,
            List<Path> files,
            Map<String, String> env,
            String osName,
            String glassPlatform,
            PrintStream err) {
        Optional<String> missing = DisplayCheck.missingDisplay(env, osName, glassPlatform);
        if (missing.isPresent()) {
            err.println(DisplayCheck.message(missing.get()));
            return NO_DISPLAY;
        }
        LoggingWarmup.start();
        if (!Platform.class.getModule().isNamed()) {
            javafxLog = Logger.getLogger("javafx");
            javafxLog.setLevel(Level.SEVERE);
        }
        Path chosen = files.isEmpty() ? chooseWorkspace(workspace, env) : remember(workspace, env);
        Optional<WorkspaceInstance> instance;
        try {
            instance = WorkspaceInstance.claim(chosen);
            if (instance.isEmpty()) {
                return handOver(chosen, files, err);
            }
        } catch (IOException readOnly) {
            // Nothing can be journalled there either, so a second window could not take edits from this one.
            instance = Optional.empty();
        }
        Optional<WorkspaceInstance> claimed = instance;
        var closed = new CountDownLatch(1);
        var failure = new AtomicReference<Throwable>();
        var work = new BackgroundWork();
        try {
            Platform.startup(() -> {
                try {
                    var stage = new Stage();
                    MainWindow window = open(stage, chosen, files, work);
                    claimed.ifPresent(
                            held -> held.listen(requested -> Platform.runLater(() -> window.openRequested(requested))));
                    // After the window's own handler: the session is saved before the process goes on to exit.
                    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                } catch (RuntimeException | LinkageError e) {
                    failure.set(e);
                    closed.countDown();
                }
            });
        } catch (RuntimeException | LinkageError e) {
            err.println(DisplayCheck.message("the JavaFX toolkit did not start (" + oneLine(e) + ")"));
            return NO_DISPLAY;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.shutdown();
        work.awaitQuiet(QUIET_LIMIT);
        claimed.ifPresent(DesktopApp::giveUp);
        Platform.exit();
        if (failure.get() != null) {
            err.println("flowbench: the editor window failed to open: " + oneLine(failure.get()));
            return 1;
        }
        return 0;
    }

    /**
     * Hands {@code files} to the Flowbench already open on {@code workspace} (one editor per workspace: two would
     * share its journal of unsaved edits); returns the exit code.
     */
    private static int handOver(Path workspace, List<Path> files, PrintStream err) {
        if (WorkspaceInstance.forward(workspace, files, HAND_OVER_LIMIT)) {
            err.println("flowbench: " + workspace + " is open in Flowbench already; "
                    + (files.isEmpty() ? "brought its window forward" : "opened the files there"));
            return 0;
        }
        err.println("flowbench: " + workspace + " is open in another Flowbench, which did not answer within "
                + HAND_OVER_LIMIT.toSeconds() + " s; close that one first");
        return 2;
    }

    private static void giveUp(WorkspaceInstance instance) {
        try {
            instance.close();
        } catch (IOException e) {
            // The process is about to exit, which releases the workspace all the same.
        }
    }

    /**
     * The workspace to open: the one asked for, except that the bundled example (the default when nothing
     * else is known) gives way to the workspace the user had open last time.
     */
    static Path chooseWorkspace(Path requested, Map<String, String> env) {
        var settings = UserSettings.forUser(env, System.getProperty("user.home"));
        Path chosen = requested;
        if (requested
                .toAbsolutePath()
                .normalize()
                .equals(ExampleWorkspace.path().toAbsolutePath().normalize())) {
            chosen = settings.lastWorkspace().orElse(requested);
        }
        settings.rememberWorkspace(chosen);
        return chosen;
    }

    /** Returns {@code workspace}, remembered as the one to open next time. */
    private static Path remember(Path workspace, Map<String, String> env) {
        UserSettings.forUser(env, System.getProperty("user.home")).rememberWorkspace(workspace);
        return workspace;
    }

    /**
     * Opens the main window on {@code workspace} in {@code stage} with {@code files} in tabs, its background tasks
     * in {@code work}; closing it saves the session and shuts {@code work} down.
     */
    static MainWindow open(Stage stage, Path workspace, List<Path> files, BackgroundWork work) {
        var workbench = new WorkbenchViewModel(workspace, work.background(), Platform::runLater, work.scheduler());
        MainWindow window = MainWindow.show(stage, workbench, files);
        // What crashed runs left in Docker is removed in the background two seconds after the editor is on
        // screen: loading the Docker client must not compete with the start.
        FirstFrame.then(stage.getScene(), window::editorShowsText, () -> {
            markEditorShown();
            work.later(HOUSEKEEPING_DELAY, () -> DockerHousekeeping.removeLeftoversInBackground(null));
        });
        if (StartupProbe.requested()) {
            // The probe ends the app as closing its window does, so that nothing is cut off mid-step.
            StartupProbe.watch(
                    stage.getScene(),
                    StartupProbe.wantsCompleteWindow()
                            ? () -> window.editorShowsText() && window.panelsBuilt()
                            : window::editorShowsText,
                    System.err,
                    code -> stage.hide());
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            window.saveSession();
            workbench.run().dispose();
            work.shutdown();
        });
        return window;
    }

    /**
     * Creates the file named by {@value #EDITOR_SHOWN_MARKER}, if set: {@code ./flowbench} keeps the class-data
     * cache a start trains only when that start got as far as showing the editor.
     */
    private static void markEditorShown() {
        String marker = System.getProperty(EDITOR_SHOWN_MARKER);
        if (marker != null) {
            try {
                Files.writeString(Path.of(marker), "");
            } catch (IOException e) {
                // The launcher then trains its cache again on the next start.
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text).strip();
    }
}

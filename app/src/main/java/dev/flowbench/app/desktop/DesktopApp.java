package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.workbench.UserSettings;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.housekeeping.DockerHousekeeping;
import dev.flowbench.app.workspace.ExampleWorkspace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    private DesktopApp() {}

    /** Opens the editor on {@code workspace}, blocks until its window is closed, and returns the exit code. */
    public static int launch(Path workspace) {
        return launch(
                workspace,
                System.getenv(),
                System.getProperty("os.name"),
                System.getProperty("glass.platform"),
                System.err);
    }

    static int launch(Path workspace, Map<String, String> env, String osName, String glassPlatform, PrintStream err) {
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
        var closed = new CountDownLatch(1);
        var failure = new AtomicReference<Throwable>();
        try {
            Platform.startup(() -> {
                try {
                    var stage = new Stage();
                    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                    open(stage, chooseWorkspace(workspace, env));
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
        Platform.exit();
        if (failure.get() != null) {
            err.println("flowbench: the editor window failed to open: " + oneLine(failure.get()));
            return 1;
        }
        return 0;
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

    /** Opens the main window on {@code workspace} in {@code stage}; closing it saves the session. */
    static MainWindow open(Stage stage, Path workspace) {
        var background = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().daemon().name("flowbench-background-", 0).factory());
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("flowbench-journal").factory());
        var workbench = new WorkbenchViewModel(workspace, background, Platform::runLater, scheduler);
        MainWindow window = MainWindow.show(stage, workbench);
        // What crashed runs left in Docker is removed in the background two seconds after the editor is on
        // screen: loading the Docker client must not compete with the start.
        FirstFrame.then(
                stage.getScene(),
                window::editorShowsText,
                () -> scheduler.schedule(
                        () -> DockerHousekeeping.removeLeftoversInBackground(null), 2, TimeUnit.SECONDS));
        if (StartupProbe.requested()) {
            StartupProbe.watch(
                    stage.getScene(),
                    StartupProbe.wantsCompleteWindow()
                            ? () -> window.editorShowsText() && window.panelsBuilt()
                            : window::editorShowsText);
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            window.saveSession();
            workbench.run().dispose();
            background.shutdownNow();
            scheduler.shutdown();
        });
        return window;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text).strip();
    }
}

package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.document.DocumentTab;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A desktop app process for the crash journey: opens the main window on a workspace, appends a note to the open
 * flow, prints {@code journaled} once the journal on disk holds the edit, and then waits to be killed.
 *
 * <p>Arguments: the workspace folder and the note. Run on the headless platform by {@code MainWindowTest}.
 */
public final class EditThenAwaitKill {
    private EditThenAwaitKill() {}

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        String note = args[1];
        var background = Executors.newFixedThreadPool(2);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        var opened = new CompletableFuture<MainWindow>();
        Platform.startup(() -> {
            var workbench = new WorkbenchViewModel(workspace, background, Platform::runLater, scheduler);
            opened.complete(MainWindow.show(new Stage(), workbench));
        });
        MainWindow window = opened.get(60, TimeUnit.SECONDS);
        var edited = new CompletableFuture<Void>();
        Platform.runLater(() -> {
            var area = window.tabs()
                    .selectedTab()
                    .map(DocumentTab::editor)
                    .orElseThrow()
                    .codeArea();
            area.moveTo(area.getLength());
            area.insertText(area.getLength(), note);
            edited.complete(null);
        });
        edited.get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (window.workbench().journal().entries().stream()
                .noneMatch(e -> e.text().endsWith(note))) {
            if (System.nanoTime() > deadline) {
                System.err.println("the edit never reached the journal");
                System.exit(2);
            }
            Thread.sleep(20);
        }
        System.out.println("journaled");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        System.exit(3); // never killed
    }
}

package dev.flowbench.app.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the app's window tests: FX-thread calls, waiting, and a private copy of the example workspace. */
final class AppFx {
    private AppFx() {}

    static <T> T call(Callable<T> action) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
    }

    static void run(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits up to {@code seconds} for {@code condition}, evaluated on the FX thread. */
    static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    /**
     * Clicks the node {@code target} finds until {@code condition} holds, waiting up to 5 s after each click, at most
     * three times: a table cell laid out again between being found and being clicked swallows the click.
     */
    static void clickUntil(FxRobot robot, Supplier<Node> target, Callable<Boolean> condition) {
        for (int attempt = 1; ; attempt++) {
            robot.clickOn(target.get());
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> call(condition));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("condition not met after " + attempt + " clicks", e);
                }
            }
        }
    }

    /** Copies the workspace at {@code source} into {@code target} (which may exist) and returns it. */
    static Path copyWorkspace(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith(".flowbench")) {
                    continue;
                }
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }
}

package dev.flowbench.app.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens a file or folder with the system's own application (file manager, image viewer, …), without bringing in
 * AWT: {@code xdg-open} on Linux, {@code open} on macOS, {@code explorer} on Windows.
 */
final class SystemOpener {
    private final Consumer<String> report;

    /** @param report shows a one-line message when nothing could open the file */
    SystemOpener(Consumer<String> report) {
        this.report = report;
    }

    /** Opens {@code path} (a folder is created first when missing). */
    void open(Path path) {
        try {
            if (!Files.exists(path)
                    && path.getFileName() != null
                    && !path.getFileName().toString().contains(".")) {
                Files.createDirectories(path);
            }
            new ProcessBuilder(command(System.getProperty("os.name"), path))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            report.accept("Cannot open " + path + " with the system's viewer: " + e.getMessage());
        }
    }

    /** The command that opens {@code path} on {@code osName}. */
    static List<String> command(String osName, Path path) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String target = path.toAbsolutePath().toString();
        if (os.contains("win")) {
            return List.of("explorer", target);
        }
        if (os.contains("mac")) {
            return List.of("open", target);
        }
        return List.of("xdg-open", target);
    }
}

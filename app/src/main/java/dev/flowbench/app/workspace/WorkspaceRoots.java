package dev.flowbench.app.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the workspace a file belongs to: the nearest folder above it with an environments/ or plugins/ folder. */
public final class WorkspaceRoots {
    private WorkspaceRoots() {}

    /** The nearest ancestor folder of {@code file} holding environments/ or plugins/, if there is one. */
    public static Optional<Path> enclosing(Path file) {
        for (Path dir = file.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("environments")) || Files.isDirectory(dir.resolve("plugins"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}

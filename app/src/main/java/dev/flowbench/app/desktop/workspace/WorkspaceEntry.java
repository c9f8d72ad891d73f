package dev.flowbench.app.desktop.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * A file or folder of the workspace tree.
 *
 * @param path absolute path
 * @param relative path relative to the workspace root (empty for the root)
 * @param children sub-entries of a folder, folders first then by name; empty for a file
 */
public record WorkspaceEntry(
        Path path, Path relative, boolean directory, FileKind kind, List<WorkspaceEntry> children) {
    public WorkspaceEntry {
        children = List.copyOf(children);
    }

    /** The name shown in the tree. */
    public String name() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}

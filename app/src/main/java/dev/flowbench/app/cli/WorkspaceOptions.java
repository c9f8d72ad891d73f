package dev.flowbench.app.cli;

import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.app.workspace.WorkspaceRoots;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every workspace-aware command shares: where the workspace is and where plugins are. */
public final class WorkspaceOptions {
    @Option(
            names = {"-w", "--workspace"},
            paramLabel = "DIR",
            description = "The workspace folder (flows/, environments/, plugins/). Default: the current folder if it"
                    + " has flows/ or environments/, else the example workspace.")
    Path workspace;

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            description = "An extra plugins folder (repeatable). Always read: the workspace's plugins/, the"
                    + " installation's plugins/ and the user's plugins folder.")
    List<Path> extraPlugins = new ArrayList<>();

    /** The extra plugin folders given with {@code --plugins}; never null. */
    public List<Path> extraPlugins() {
        return List.copyOf(extraPlugins);
    }

    /** Whether a workspace was given with {@code --workspace}. */
    public boolean hasWorkspace() {
        return workspace != null;
    }

    /** The workspace folder; a missing folder is a {@link UserError}. */
    public Path workspace() {
        Path root = workspace == null ? FlowbenchCommand.defaultWorkspace() : workspace.toAbsolutePath();
        if (!Files.isDirectory(root)) {
            throw new UserError("no workspace at " + root + " (a folder with flows/ and environments/)");
        }
        return root;
    }

    /** The workspace of {@code file}: the nearest ancestor with flows/ or environments/, else the default. */
    public Path workspaceOf(Path file) {
        if (workspace != null) {
            return workspace();
        }
        return WorkspaceRoots.enclosing(file).orElseGet(this::workspace);
    }

    /** Loads the plugin registry for {@code root}. */
    public PluginRegistry registry(Path root) {
        return PluginRegistry.load(PluginDirectories.of(root, extraPlugins));
    }
}

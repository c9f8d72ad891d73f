package dev.flowbench.app.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin folders, in loading order: the installation's {@code plugins/} (built-in runner plugins of an
 * installed app), the user's plugins folder, the workspace's {@code plugins/}, then any extra folders.
 */
public final class PluginDirectories {
    private PluginDirectories() {}

    /** The folders to scan for {@code workspace}; missing ones are simply skipped by the registry. */
    public static List<Path> of(Path workspace, List<Path> extra) {
        var dirs = new ArrayList<Path>();
        Path installed = installationPlugins();
        if (installed != null) {
            dirs.add(installed);
        }
        dirs.add(userPlugins());
        if (workspace != null) {
            dirs.add(workspace.resolve("plugins"));
        }
        dirs.addAll(extra);
        return dirs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    /** The installation's plugins folder ({@code flowbench.home}'s {@code plugins/}), or null when not known. */
    public static Path installationPlugins() {
        String home = System.getProperty("flowbench.home");
        return home == null ? null : Path.of(home, "plugins");
    }

    /** The per-user plugins folder: {@code $FLOWBENCH_USER_PLUGINS} or {@code ~/.local/share/flowbench/plugins}. */
    public static Path userPlugins() {
        String override = System.getenv("FLOWBENCH_USER_PLUGINS");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "flowbench", "plugins");
    }
}

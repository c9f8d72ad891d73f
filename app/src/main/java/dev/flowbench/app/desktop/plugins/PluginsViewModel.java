package dev.flowbench.app.desktop.plugins;

import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.registry.PluginProblem;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the plugins view shows: every installed plugin with where it came from, the plugin folders (so users know
 * where JARs go) and the JARs that failed to load with the reason. Fed a registry with {@link #show}.
 */
public final class PluginsViewModel {
    /** Where a plugin or a plugin folder belongs. */
    public enum Source {
        BUILT_IN("built-in"),
        INSTALLATION("installation"),
        USER("user"),
        WORKSPACE("workspace"),
        OTHER("other folder");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** A lower-case name for people. */
        public String label() {
            return label;
        }
    }

    /** One installed plugin; {@code jar} is the JAR's file name, empty for a built-in. */
    public record Plugin(String type, String kind, String title, Source source, String jar) {}

    /** A JAR (or folder) that failed to load, and why, in one line. */
    public record Problem(Source source, String jar, String reason) {}

    /** A plugin folder, in loading order; it need not exist yet. */
    public record Folder(Source source, Path path, boolean exists) {}

    private final Path installation;
    private final Path user;
    private final Path workspace;
    private final ObservableList<Plugin> plugins = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Folder> folders = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Loading plugins…");

    /**
     * @param installation the installation's plugins folder, or null when running from source
     * @param user the per-user plugins folder
     * @param workspace the workspace's plugins folder
     */
    public PluginsViewModel(Path installation, Path user, Path workspace) {
        this.installation = normal(installation);
        this.user = normal(user);
        this.workspace = normal(workspace);
        refreshFolders();
    }

    public ObservableList<Plugin> plugins() {
        return plugins;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    /** The folders plugins load from, in order: installation (when installed), user, workspace. */
    public ObservableList<Folder> folders() {
        return folders;
    }

    /** "12 plugins, 1 problem" or "Loading plugins…". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Shows {@code registry}'s plugins and problems; null means it is still loading. */
    public void show(PluginRegistry registry) {
        refreshFolders();
        if (registry == null) {
            plugins.clear();
            problems.clear();
            summary.set("Loading plugins…");
            return;
        }
        plugins.setAll(registry.plugins().stream()
                .map(this::plugin)
                .sorted(Comparator.comparing(Plugin::source).thenComparing(Plugin::type))
                .toList());
        problems.setAll(registry.problems().stream().map(this::problem).toList());
        summary.set(count(plugins.size(), "plugin") + ", " + count(problems.size(), "problem"));
    }

    /** Which folder {@code jar} sits in. */
    public Source sourceOf(Path jar) {
        if (jar == null) {
            return Source.BUILT_IN;
        }
        Path folder = normal(jar).getParent();
        if (folder == null) {
            return Source.OTHER;
        }
        if (folder.equals(workspace)) {
            return Source.WORKSPACE;
        }
        if (folder.equals(user)) {
            return Source.USER;
        }
        if (folder.equals(installation)) {
            return Source.INSTALLATION;
        }
        // A problem may name the folder itself ("cannot list the plugins directory").
        Path self = normal(jar);
        if (self.equals(workspace)) {
            return Source.WORKSPACE;
        }
        return self.equals(user) ? Source.USER : self.equals(installation) ? Source.INSTALLATION : Source.OTHER;
    }

    private Plugin plugin(PluginDescriptor descriptor) {
        Path jar = descriptor.origin().jar();
        return new Plugin(
                descriptor.id(),
                descriptor.kind().label(),
                descriptor.title(),
                sourceOf(jar),
                jar == null ? "" : String.valueOf(jar.getFileName()));
    }

    private Problem problem(PluginProblem problem) {
        return new Problem(
                sourceOf(problem.jar()),
                problem.jar() == null
                        ? "built-in"
                        : String.valueOf(problem.jar().getFileName()),
                problem.reason());
    }

    private void refreshFolders() {
        var list = new ArrayList<Folder>();
        if (installation != null) {
            list.add(new Folder(Source.INSTALLATION, installation, Files.isDirectory(installation)));
        }
        list.add(new Folder(Source.USER, user, Files.isDirectory(user)));
        list.add(new Folder(Source.WORKSPACE, workspace, Files.isDirectory(workspace)));
        folders.setAll(list);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Path normal(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize();
    }
}

package dev.flowbench.app.desktop.workbench;

import dev.flowbench.app.desktop.docs.DocsViewModel;
import dev.flowbench.app.desktop.document.DocumentViewModel;
import dev.flowbench.app.desktop.document.EditorTabsViewModel;
import dev.flowbench.app.desktop.document.Journal;
import dev.flowbench.app.desktop.document.UnsavedChoice;
import dev.flowbench.app.desktop.outline.OutlineViewModel;
import dev.flowbench.app.desktop.plugins.PluginsViewModel;
import dev.flowbench.app.desktop.problems.ProblemsViewModel;
import dev.flowbench.app.desktop.run.RunViewModel;
import dev.flowbench.app.desktop.workspace.FileKind;
import dev.flowbench.app.desktop.workspace.WorkspaceViewModel;
import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.language.FlowLanguage;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.ValidationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One workspace open in the app: its explorer, tabs, journal, docs sidebar, problems and outline, the plugin
 * registry (loaded in the background) with the language services built on it, and the chosen environment.
 *
 * <p>All methods run on the FX thread (or the test's thread); background work reports back through the
 * {@code ui} executor.
 */
public final class WorkbenchViewModel {
    /** The colour theme of the whole window. */
    public enum Theme {
        LIGHT,
        DARK
    }

    private final Path root;
    private final Executor background;
    private final Executor ui;
    private final WorkspaceViewModel workspace;
    private final Journal journal;
    private final EditorTabsViewModel tabs;
    private final DocsViewModel docs;
    private final ProblemsViewModel problems;
    private final OutlineViewModel outline;
    private final PluginsViewModel plugins;
    /** The entry of {@link #environments()} that means "no environment": defaults of the flow only, Process runner. */
    public static final String NO_ENVIRONMENT = "(none)";

    private final RunViewModel run;
    private final ReadOnlyObjectWrapper<PluginRegistry> registry = new ReadOnlyObjectWrapper<>(this, "registry");
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final StringProperty environment = new SimpleStringProperty(this, "environment");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyLongWrapper languageRevision = new ReadOnlyLongWrapper(this, "languageRevision");
    private volatile ValidationContext context = ValidationContext.none();
    private FlowLanguage flowLanguage;
    private FlowLanguage environmentLanguage;

    /**
     * @param background runs slow work (registry loading, workspace validation)
     * @param ui runs results on the thread that owns the properties (the FX thread)
     * @param scheduler runs the journal's delayed writes
     */
    public WorkbenchViewModel(Path root, Executor background, Executor ui, ScheduledExecutorService scheduler) {
        this.root = root.toAbsolutePath().normalize();
        this.background = background;
        this.ui = ui;
        this.workspace = new WorkspaceViewModel(this.root);
        this.journal = new Journal(this.root, scheduler, Duration.ofMillis(300));
        this.tabs = new EditorTabsViewModel(this.root, journal);
        this.docs = new DocsViewModel(registry::get, () -> PluginDirectories.of(this.root, List.of()));
        this.problems = new ProblemsViewModel(tabs.documents(), workspace::relativize);
        this.outline = new OutlineViewModel(background, ui);
        this.plugins = new PluginsViewModel(
                PluginDirectories.installationPlugins(), PluginDirectories.userPlugins(), this.root.resolve("plugins"));
        registry.addListener((obs, old, loaded) -> plugins.show(loaded));
        environments.setAll(workspace.environments());
        environments.add(NO_ENVIRONMENT);
        environment.addListener((obs, old, name) -> environmentChanged(name));
        this.run = new RunViewModel(this.root, registry::get, this::environmentName, background, ui);
    }

    public Path root() {
        return root;
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public EditorTabsViewModel tabs() {
        return tabs;
    }

    public Journal journal() {
        return journal;
    }

    public DocsViewModel docs() {
        return docs;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public OutlineViewModel outline() {
        return outline;
    }

    public RunViewModel run() {
        return run;
    }

    /** The plugins panel: installed plugins, where each came from, and JARs that failed to load. */
    public PluginsViewModel plugins() {
        return plugins;
    }

    /** Loads the plugin folders again (JARs added or removed); editors take the new languages when it is done. */
    public void reloadPlugins() {
        registry.set(null);
        loadPlugins();
    }

    /** The chosen environment's name, or null for none. */
    public String environmentName() {
        String name = environment.get();
        return name == null || name.equals(NO_ENVIRONMENT) ? null : name;
    }

    /** The plugin registry once loaded; null while loading. */
    public ReadOnlyObjectProperty<PluginRegistry> registryProperty() {
        return registry.getReadOnlyProperty();
    }

    public ObservableList<String> environments() {
        return environments;
    }

    /** The environment whose pluginDefaults and secrets validation uses (and runs will use). */
    public StringProperty environmentProperty() {
        return environment;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** A one-line message for the status bar ("Restored unsaved edits of 2 files"). */
    public StringProperty messageProperty() {
        return message;
    }

    /** True while the registry loads or the workspace is being validated. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Starts the session: restores journalled edits (saying so), reopens last session's tabs, or opens the example
     * flow on a first start. The plugins are loaded by {@link #loadPlugins()}; until then the work indicator is on.
     */
    public void start() {
        start(List.of());
    }

    /**
     * Starts the session as {@link #start()} does, then opens {@code requested} (files the app was started with),
     * selecting the last; instead of the example flow on a first start. A file outside the workspace is not
     * opened, and the status bar says so.
     */
    public void start(List<Path> requested) {
        WorkspaceState state = WorkspaceState.load(root);
        if (state.theme() != null) {
            theme.set(state.theme().equals("DARK") ? Theme.DARK : Theme.LIGHT);
        }
        String env = state.environment() != null && environments.contains(state.environment())
                ? state.environment()
                : environments.contains("dev") ? "dev" : environments.getFirst();
        environment.set(env);
        busy.set(true);
        for (String file : state.openFiles()) {
            openQuietly(root.resolve(file));
        }
        if (state.openFiles().isEmpty()
                && requested.isEmpty()
                && Files.isRegularFile(root.resolve("flows/hello.yaml"))) {
            openQuietly(root.resolve("flows/hello.yaml"));
        }
        if (state.selectedFile() != null) {
            tabs.find(root.resolve(state.selectedFile())).ifPresent(tabs.selectedProperty()::set);
        }
        List<DocumentViewModel> restored = tabs.restoreFromJournal();
        if (!restored.isEmpty()) {
            message.set("Restored unsaved edits of " + restored.size() + (restored.size() == 1 ? " file: " : " files: ")
                    + String.join(
                            ", ",
                            restored.stream().map(d -> d.relative().toString()).toList()));
        }
        openRequested(requested);
    }

    /**
     * Opens {@code files} (asked for on the command line, or by a later launch on this workspace), selecting the
     * last. A file outside the workspace is not opened, and the status bar says so.
     */
    public void openRequested(List<Path> files) {
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                open(absolute);
            } else {
                message.set("Not opened: " + absolute + " is outside the workspace " + root
                        + "; open the workspace it belongs to");
            }
        }
    }

    /** Opens {@code file} in a tab, reporting a failure in the status bar. */
    public Optional<DocumentViewModel> open(Path file) {
        try {
            return Optional.of(tabs.open(file));
        } catch (IOException e) {
            message.set("Cannot open " + workspace.relativize(file) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The language services for documents of {@code kind}, or {@link LanguageSupport#NONE} while loading. */
    public LanguageSupport languageFor(FileKind kind) {
        return language(kind).map(FlowLanguage::support).orElse(LanguageSupport.NONE);
    }

    /** The language of {@code kind} once the registry is loaded. */
    public Optional<FlowLanguage> language(FileKind kind) {
        return Optional.ofNullable(
                switch (kind) {
                    case FLOW -> flowLanguage;
                    case ENVIRONMENT -> environmentLanguage;
                    default -> null;
                });
    }

    /**
     * Changes whenever editors should take fresh language support from {@link #languageFor}: the registry
     * finished loading, or the environment changed (so validation and completion see its defaults and secrets).
     */
    public ReadOnlyLongProperty languageRevisionProperty() {
        return languageRevision.getReadOnlyProperty();
    }

    /** The current environment's validation context; {@link ValidationContext#none()} when there is none. */
    public ValidationContext context() {
        return context;
    }

    /** Validates every flow and environment file in the background and lists their problems. */
    public void validateWorkspace() {
        Optional<FlowLanguage> flows = language(FileKind.FLOW);
        Optional<FlowLanguage> envs = language(FileKind.ENVIRONMENT);
        if (flows.isEmpty() || envs.isEmpty()) {
            message.set("Plugins are still loading; try again in a moment");
            return;
        }
        busy.set(true);
        var files = new ArrayList<Path>();
        collect(workspace.treeProperty().get(), files);
        background.execute(() -> {
            Map<Path, List<Diagnostic>> found = new HashMap<>();
            for (Path file : files) {
                FileKind kind = FileKind.of(root.relativize(file));
                FlowLanguage language = kind == FileKind.FLOW ? flows.get() : envs.get();
                try {
                    found.put(file, language.diagnose(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException e) {
                    found.put(file, List.of());
                }
            }
            ui.execute(() -> {
                problems.setWorkspaceProblems(found);
                busy.set(false);
                message.set("Checked " + files.size() + " workspace files");
            });
        });
    }

    /** What the window asks the user before it closes; the view answers with dialogs. */
    public interface CloseQuestions {
        /** Asked once for all documents with unsaved edits (never empty). */
        UnsavedChoice unsaved(List<DocumentViewModel> dirty);

        /** Asked when a run is in progress: true stops it and closes. */
        boolean stopRun();
    }

    /**
     * Whether the window may close now, asking {@code questions} about unsaved edits and a run in progress.
     * Nothing changes until every question is answered: then the edits are saved or dropped as chosen. A
     * save that fails or meets a file changed on disk keeps the window open, with a message.
     */
    public boolean mayClose(CloseQuestions questions) {
        List<DocumentViewModel> dirty = tabs.dirtyDocuments();
        UnsavedChoice choice = dirty.isEmpty() ? UnsavedChoice.DISCARD : questions.unsaved(dirty);
        if (choice == UnsavedChoice.CANCEL) {
            return false;
        }
        if (run.runningProperty().get() && !questions.stopRun()) {
            return false;
        }
        try {
            if (choice == UnsavedChoice.DISCARD) {
                tabs.revert(dirty);
                return true;
            }
            List<DocumentViewModel> conflicts = tabs.save(dirty);
            if (!conflicts.isEmpty()) {
                message.set(conflicts.getFirst().relative()
                        + " changed on disk: reload, keep yours, or compare (bar above the text)");
                tabs.selectedProperty().set(conflicts.getFirst());
                return false;
            }
            workspace.refresh();
            return true;
        } catch (IOException e) {
            message.set("Cannot save: " + e.getMessage());
            return false;
        }
    }

    /** Remembers the open tabs, environment and theme for the next start, and flushes the journal. */
    public void saveState() {
        journal.flush();
        var open = tabs.documents().stream()
                .map(d -> d.relative().toString().replace('\\', '/'))
                .toList();
        DocumentViewModel selected = tabs.getSelected();
        var state = new WorkspaceState(
                open,
                selected == null ? null : selected.relative().toString().replace('\\', '/'),
                environment.get(),
                theme.get().name());
        try {
            state.save(root);
        } catch (IOException e) {
            message.set("Cannot save the workspace state: " + e.getMessage());
        }
    }

    private void openQuietly(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                tabs.open(file);
            } catch (IOException e) {
                message.set("Cannot reopen " + workspace.relativize(file) + ": " + e.getMessage());
            }
        }
    }

    /**
     * Loads the plugin registry and the languages built from it in the background, then hands them to the open
     * editors. The window calls it once the editor is on screen: on a machine with few cores, loading plugins and
     * generating their schemas while the first frame is drawn delays that frame.
     */
    public void loadPlugins() {
        busy.set(true);
        background.execute(() -> {
            PluginRegistry loaded = PluginRegistry.load(PluginDirectories.of(root, List.of()));
            // The languages generate their schemas when built: that stays off the FX thread.
            FlowLanguage flows = FlowLanguage.forFlows(loaded, () -> context);
            FlowLanguage environments = FlowLanguage.forEnvironments(loaded, () -> context);
            ui.execute(() -> {
                flowLanguage = flows;
                environmentLanguage = environments;
                registry.set(loaded);
                languageRevision.set(languageRevision.get() + 1);
                busy.set(false);
                if (!loaded.problems().isEmpty()) {
                    message.set(loaded.problems().size() + " plugin JAR(s) failed to load; see ./flowbench plugins");
                }
            });
        });
    }

    private void environmentChanged(String choice) {
        String name = choice == null || choice.equals(NO_ENVIRONMENT) ? null : choice;
        if (name == null) {
            context = ValidationContext.none();
            languageRevision.set(languageRevision.get() + 1);
            return;
        }
        background.execute(() -> {
            ValidationContext loaded;
            String problem = null;
            try {
                loaded = EnvironmentContexts.of(root, name);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                loaded = ValidationContext.none();
                problem = "Environment " + name + ": " + e.getMessage();
            }
            ValidationContext result = loaded;
            String warning = problem;
            ui.execute(() -> {
                if (name.equals(environmentName())) {
                    context = result;
                    if (warning != null) {
                        message.set(warning);
                    }
                    // Open editors take fresh language support and re-validate against this environment.
                    languageRevision.set(languageRevision.get() + 1);
                }
            });
        });
    }

    private static void collect(dev.flowbench.app.desktop.workspace.WorkspaceEntry entry, List<Path> out) {
        if (entry == null) {
            return;
        }
        if (!entry.directory() && (entry.kind() == FileKind.FLOW || entry.kind() == FileKind.ENVIRONMENT)) {
            out.add(entry.path());
        }
        entry.children().forEach(child -> collect(child, out));
    }
}

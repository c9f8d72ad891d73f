package dev.flowbench.app.desktop.run;

import dev.flowbench.app.desktop.run.RunPreparation.InputField;
import dev.flowbench.app.desktop.run.RunPreparation.Prepared;
import dev.flowbench.engine.Engine;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.FlowException;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.RunEventListener;
import dev.flowbench.engine.RunnerResolver;
import dev.flowbench.engine.RunningExecution;
import dev.flowbench.engine.TaskPlan;
import dev.flowbench.engine.TaskRun;
import dev.flowbench.engine.history.History;
import dev.flowbench.engine.history.Retention;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Runs flows for the run panel and shows one execution at a time: the live one, or a past one from the
 * history. Engine events arrive on engine threads; they are queued and applied on the UI executor in batches,
 * so a chatty task cannot flood the FX thread. The run keeps going whatever happens to editor tabs.
 */
public final class RunViewModel {
    /** Lines kept in memory for the execution shown; the history has them all. */
    static final int LOG_CAPACITY = 500_000;

    private final Path workspace;
    private final Supplier<PluginRegistry> registry;
    private final Supplier<String> environment;
    private final Executor background;
    private final Executor ui;
    private final LogBuffer logs = new LogBuffer(LOG_CAPACITY);
    private final FilteredList<LogEntry> visibleLogs = new FilteredList<>(logs.lines());
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private final ObservableList<TaskPlan> plans = FXCollections.observableArrayList();
    private final ObservableList<Execution> pastRuns = FXCollections.observableArrayList();
    private final ObservableList<InputField> inputs = FXCollections.observableArrayList();
    private final Map<String, StringProperty> inputValues = new HashMap<>();
    private final Map<String, Map<String, String>> lastInputs = new HashMap<>();
    private final ReadOnlyObjectWrapper<Execution> execution = new ReadOnlyObjectWrapper<>(this, "execution");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty planFor = new SimpleStringProperty(this, "planFor", "");
    private final StringProperty taskFilter = new SimpleStringProperty(this, "taskFilter", null);
    private final ObjectProperty<LogEntry.Level> levelFilter =
            new SimpleObjectProperty<>(this, "levelFilter", LogEntry.Level.TRACE);
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final BooleanProperty followTail = new SimpleBooleanProperty(this, "followTail", true);
    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final TaskOutputsViewModel outputs;
    private boolean historyShown;
    private History history;
    private boolean disposed;
    private RunningExecution current;
    private String flowId;

    /**
     * @param environment the environment runs use (null for none), asked at each run
     * @param background prepares runs and reads the history
     * @param ui applies results on the thread owning the properties (the FX thread)
     */
    public RunViewModel(
            Path workspace,
            Supplier<PluginRegistry> registry,
            Supplier<String> environment,
            Executor background,
            Executor ui) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.registry = registry;
        this.environment = environment;
        this.background = background;
        this.ui = ui;
        this.outputs = new TaskOutputsViewModel(background, ui, message);
        taskFilter.addListener(o -> refilter());
        levelFilter.addListener(o -> refilter());
        textFilter.addListener(o -> refilter());
    }

    /** The log lines that pass the filters, oldest first. */
    public ObservableList<LogEntry> logs() {
        return visibleLogs;
    }

    /** How many old lines were dropped from memory for the execution shown. */
    public ReadOnlyLongProperty droppedLinesProperty() {
        return logs.droppedProperty();
    }

    /** The outputs and output files of the task run selected in the panel. */
    public TaskOutputsViewModel outputs() {
        return outputs;
    }

    /** The task runs of the execution shown, in start order. */
    public ObservableList<TaskRow> tasks() {
        return tasks;
    }

    /** The last plan computed, one entry per script task. */
    public ObservableList<TaskPlan> plans() {
        return plans;
    }

    /** What the plan shown was made for: "flow hello in environment prod". */
    public StringProperty planForProperty() {
        return planFor;
    }

    /** Past executions of the current flow, newest first. */
    public ObservableList<Execution> pastRuns() {
        return pastRuns;
    }

    /** The inputs the current flow declares. */
    public ObservableList<InputField> inputs() {
        return inputs;
    }

    /** The value typed for input {@code id} (remembered per flow between runs). */
    public StringProperty inputValue(String id) {
        return inputValues.computeIfAbsent(id, k -> new SimpleStringProperty(this, "input-" + id, ""));
    }

    /** The execution shown, live or past; null before any. */
    public ReadOnlyObjectProperty<Execution> executionProperty() {
        return execution.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line about the last action ("Validation failed", "Run finished SUCCESS in 1.2 s"). */
    public StringProperty messageProperty() {
        return message;
    }

    /** Show only lines of this task id; null for all. */
    public StringProperty taskFilterProperty() {
        return taskFilter;
    }

    /** Show lines of this level and above. */
    public ObjectProperty<LogEntry.Level> levelFilterProperty() {
        return levelFilter;
    }

    /** Show lines containing this text (ignoring case). */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** Whether the log view scrolls to new lines. */
    public BooleanProperty followTailProperty() {
        return followTail;
    }

    /**
     * Makes {@code source} the current flow: reads its inputs (keeping values typed before for this flow) and,
     * once the history was shown, lists its past runs.
     */
    public void flowChanged(String source) {
        String id = flowIdOf(source);
        if (flowId != null) {
            lastInputs.put(flowId, currentInputValues());
        }
        flowId = id;
        List<InputField> declared = RunPreparation.inputs(source);
        Map<String, String> remembered = lastInputs.getOrDefault(id, Map.of());
        for (InputField field : declared) {
            inputValue(field.id()).set(remembered.getOrDefault(field.id(), field.defaultValue()));
        }
        inputs.setAll(declared);
        if (historyShown) {
            refreshHistory();
        }
    }

    /**
     * The history became visible: from now on it follows the current flow. Until then the history database is
     * not opened just because a flow was selected.
     */
    public void historyShown() {
        historyShown = true;
        refreshHistory();
    }

    /**
     * Runs {@code source} (the whole flow, or only {@code onlyTask} when not null) in the current environment.
     * Validation errors or missing required inputs stop it before anything runs, with a message.
     */
    public void run(String source, String onlyTask) {
        if (running.get()) {
            message.set("A run is in progress; stop it first");
            return;
        }
        PluginRegistry plugins = registry.get();
        if (plugins == null) {
            message.set("Plugins are still loading; try again in a moment");
            return;
        }
        for (InputField field : inputs) {
            if (field.required() && inputValue(field.id()).get().isBlank()) {
                message.set("Input '" + field.id() + "' is required");
                return;
            }
        }
        Map<String, String> values = currentInputValues();
        if (flowId != null) {
            lastInputs.put(flowId, values);
        }
        String env = environment.get();
        running.set(true);
        logs.clear();
        tasks.clear();
        message.set("Starting…");
        background.execute(() -> start(source, onlyTask, env, plugins, values));
    }

    /** Re-runs a past execution's flow text with the same inputs. */
    public void rerun(Execution past, String source) {
        past.inputs().forEach((key, value) -> inputValue(key).set(value == null ? "" : value.toString()));
        run(source, null);
    }

    /** Cancels the live run; the engine stops its processes, containers, pods or jobs. */
    public void stop() {
        RunningExecution live = current;
        if (live != null) {
            message.set("Stopping…");
            background.execute(live::cancel);
        }
    }

    /** Computes what each task would run and on what in the current environment, without running anything. */
    public void plan(String source) {
        PluginRegistry plugins = registry.get();
        if (plugins == null) {
            message.set("Plugins are still loading; try again in a moment");
            return;
        }
        String env = environment.get();
        Map<String, String> values = currentInputValues();
        background.execute(() -> {
            Prepared prepared = RunPreparation.prepare(workspace, source, env, plugins);
            if (!prepared.ok()) {
                ui.execute(() -> message.set(prepared.problem()));
                return;
            }
            List<TaskPlan> planned;
            try {
                planned = engine(plugins, null).plan(prepared.run().withInputs(values));
            } catch (FlowException e) {
                ui.execute(() -> message.set(e.getMessage()));
                return;
            }
            String title =
                    "flow " + flowIdOf(source) + (env == null ? " without an environment" : " in environment " + env);
            ui.execute(() -> {
                planFor.set(title);
                plans.setAll(planned);
                message.set("Planned " + planned.size() + (planned.size() == 1 ? " task" : " tasks"));
            });
        });
    }

    /** Shows a past execution: its task runs and logs from the history. */
    public void showPast(Execution past) {
        background.execute(() -> {
            Execution full;
            List<LogEntry> lines;
            try {
                History h = history();
                full = h.execution(past.id()).orElse(past);
                lines = h.logs(past.id());
            } catch (RuntimeException e) {
                ui.execute(() -> message.set("Cannot read the history: " + e.getMessage()));
                return;
            }
            ui.execute(() -> {
                execution.set(full);
                tasks.setAll(full.taskRuns().stream().map(TaskRow::new).toList());
                logs.clear();
                logs.addAll(lines);
            });
        });
    }

    /** Re-reads the current flow's past runs. */
    public void refreshHistory() {
        String id = flowId;
        if (id == null) {
            pastRuns.clear();
            return;
        }
        background.execute(() -> {
            List<Execution> found;
            try {
                found = history().executions(id, 50);
            } catch (RuntimeException e) {
                found = List.of();
            }
            List<Execution> result = found;
            ui.execute(() -> {
                if (id.equals(flowId)) {
                    pastRuns.setAll(result);
                }
            });
        });
    }

    /** Cancels a live run (waiting briefly for its clean-up) and closes the history. */
    public void dispose() {
        RunningExecution live = current;
        if (live != null) {
            live.cancel();
            try {
                live.await(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            disposed = true;
            if (history != null) {
                history.close();
                history = null;
            }
        }
    }

    private void start(String source, String onlyTask, String env, PluginRegistry plugins, Map<String, String> values) {
        Prepared prepared = RunPreparation.prepare(workspace, source, env, plugins);
        if (!prepared.ok()) {
            ui.execute(() -> {
                running.set(false);
                message.set(prepared.problem());
            });
            return;
        }
        var request = prepared.run().withInputs(values);
        if (onlyTask != null) {
            request = request.withOnlyTask(onlyTask);
        }
        try {
            current = engine(plugins, history()).start(request, new Listener());
        } catch (FlowException | History.HistoryException e) {
            ui.execute(() -> {
                running.set(false);
                message.set(e.getMessage());
            });
            return;
        }
        try {
            Execution done = current.await();
            history().prune(Retention.DEFAULT);
            post(() -> finished(done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            current = null;
        }
    }

    private Engine engine(PluginRegistry plugins, History recordTo) {
        var builder = Engine.builder(workspace.resolve(".flowbench"))
                .workspace(workspace)
                .runners(RunnerResolver.of(plugins));
        if (recordTo != null) {
            builder.recorder(recordTo.recorder());
        }
        return builder.build();
    }

    private synchronized History history() {
        if (disposed) {
            throw new IllegalStateException("the run panel is closed");
        }
        if (history == null) {
            history = History.open(workspace.resolve(".flowbench"));
        }
        return history;
    }

    private void finished(Execution done) {
        execution.set(done);
        running.set(false);
        Duration took = done.duration();
        message.set("Run finished " + done.state()
                + (took == null ? "" : String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0))
                + (done.error() == null ? "" : ": " + done.error()));
        refreshHistory();
    }

    /** Engine events, queued for the UI thread. */
    private final class Listener implements RunEventListener {
        private final List<LogEntry> pendingLines = new ArrayList<>();

        @Override
        public void executionStarted(Execution started) {
            post(() -> {
                execution.set(started);
                message.set("Running " + started.flowId() + "…");
            });
        }

        @Override
        public void taskStarted(TaskRun run) {
            post(() -> upsert(run));
        }

        @Override
        public void log(LogEntry entry) {
            synchronized (pendingLines) {
                pendingLines.add(entry);
            }
            post(this::flushLines);
        }

        @Override
        public void taskFinished(TaskRun run) {
            post(() -> upsert(run));
        }

        @Override
        public void executionFinished(Execution done) {
            post(() -> execution.set(done));
        }

        private void flushLines() {
            List<LogEntry> batch;
            synchronized (pendingLines) {
                if (pendingLines.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(pendingLines);
                pendingLines.clear();
            }
            logs.addAll(batch);
        }
    }

    private void upsert(TaskRun run) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).run().id().equals(run.id())) {
                tasks.set(i, new TaskRow(run));
                return;
            }
        }
        tasks.add(new TaskRow(run));
    }

    /** Queues {@code event} and makes sure one drain of the queue is scheduled on the UI executor. */
    private void post(Runnable event) {
        events.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        Runnable event;
        while ((event = events.poll()) != null) {
            event.run();
        }
    }

    private void refilter() {
        String task = taskFilter.get();
        LogEntry.Level min = levelFilter.get() == null ? LogEntry.Level.TRACE : levelFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().toLowerCase(Locale.ROOT);
        visibleLogs.setPredicate(
                task == null && min == LogEntry.Level.TRACE && text.isEmpty()
                        ? null
                        : line -> (task == null || task.equals(line.taskId()))
                                && line.level().compareTo(min) >= 0
                                && (text.isEmpty()
                                        || line.message()
                                                .toLowerCase(Locale.ROOT)
                                                .contains(text)));
    }

    private Map<String, String> currentInputValues() {
        var values = new LinkedHashMap<String, String>();
        for (InputField field : inputs) {
            String value = inputValue(field.id()).get();
            if (value != null && !value.isEmpty()) {
                values.put(field.id(), value);
            }
        }
        return values;
    }

    private static String flowIdOf(String source) {
        Object root = dev.flowbench.schema.yaml.YamlDocument.parse(source).root();
        return root instanceof Map<?, ?> flow && flow.get("id") != null
                ? flow.get("id").toString()
                : null;
    }
}

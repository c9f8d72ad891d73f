package dev.flowbench.engine;

import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.SecretMasker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mutable state of one execution: task runs, outputs, cancellation, and the services tasks use
 * (rendering, masking, events). Thread-safe: Parallel and ForEach tasks use it from several threads.
 */
final class ExecutionContext {

    final String id = Ids.next();
    final Map<String, Object> flow;
    final String namespace;
    final String flowId;
    final String environment;
    final String flowHash;
    final Instant startDate = Instant.now();
    final Map<String, Object> inputs;
    final Map<String, Object> vars;
    final Map<String, String> secrets;
    final SecretMasker masker;
    final Renderer renderer;
    final Path runDirectory;
    final Path workspace;
    final RunnerResolver runners;
    final Path venvDirectory;
    private final Map<String, Object> envs;
    private final RunEventListener listener;
    private final Map<String, Object> outputs = new ConcurrentHashMap<>();
    private final Map<String, TaskRun> taskRuns = new LinkedHashMap<>();
    private final Set<RunHandle> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, LogEntry.Level> minimumLevels = new ConcurrentHashMap<>();
    private volatile boolean planning;

    ExecutionContext(
            FlowRun request,
            Map<String, Object> inputs,
            SecretMasker masker,
            String flowHash,
            Path dataDirectory,
            Path workspace,
            RunnerResolver runners,
            Map<String, String> environmentVariables,
            RunEventListener listener) {
        this.flow = request.flow();
        this.namespace = String.valueOf(flow.getOrDefault("namespace", "default"));
        this.flowId = String.valueOf(flow.getOrDefault("id", "flow"));
        this.environment = request.environment();
        this.flowHash = flowHash;
        this.inputs = inputs;
        this.vars = flow.get("variables") instanceof Map<?, ?> v ? asStringMap(Json.printable(v)) : Map.of();
        this.secrets = request.secrets();
        this.masker = masker;
        this.renderer = new Renderer(request.source());
        this.runDirectory = dataDirectory.resolve("runs").resolve(id);
        this.venvDirectory = dataDirectory.resolve("venvs");
        this.workspace = workspace;
        this.runners = runners;
        this.envs = kestraEnvs(environmentVariables);
        this.listener = listener;
    }

    // ---- task runs and events ------------------------------------------------------------------------

    /** Creates a task run for {@code task} and announces it RUNNING. */
    TaskRun start(Map<String, Object> task, Scope scope) {
        TaskRun run = new TaskRun(
                Ids.next(),
                id,
                taskId(task),
                String.valueOf(task.get("type")),
                scope.parent() == null ? null : scope.parent().id(),
                scope.value(),
                0,
                State.CREATED,
                null,
                null,
                Map.of(),
                null);
        run = run.withState(State.RUNNING, Instant.now());
        if (task.get("logLevel") != null) {
            try {
                minimumLevels.put(
                        run.id(),
                        LogEntry.Level.valueOf(task.get("logLevel").toString().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // validation reports the bad value; here every line is kept
            }
        }
        put(run);
        listener.taskStarted(run);
        return run;
    }

    /** Records a task run that never ran (disabled, runIf false) as SKIPPED. */
    TaskRun skip(Map<String, Object> task, Scope scope, String reason) {
        TaskRun run = start(task, scope);
        log(run, LogEntry.Level.INFO, "skipped: " + reason);
        return finish(run, State.SKIPPED, 0, Map.of(), null);
    }

    /** Ends a task run: state, attempts, outputs (stored for {@code outputs.<id>}) and error, all masked. */
    TaskRun finish(TaskRun run, State state, int attempts, Map<String, Object> taskOutputs, String error) {
        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) masker.maskTree(taskOutputs);
        TaskRun done = run.withResult(attempts, masked, error == null ? null : masker.mask(error))
                .withState(state, Instant.now());
        storeOutputs(run, masked);
        put(done);
        if (error != null) {
            log(done, LogEntry.Level.ERROR, error);
        }
        listener.taskFinished(done);
        return done;
    }

    /** One masked log line of a task run (or of the execution when {@code run} is null). */
    void log(TaskRun run, LogEntry.Level level, String message) {
        if (run != null && isBelowMinimum(run, level)) {
            return;
        }
        listener.log(new LogEntry(
                id,
                run == null ? null : run.id(),
                run == null ? null : run.taskId(),
                level,
                Instant.now(),
                masker.mask(message)));
    }

    /** A log line whose text was already masked (runner output). */
    void logMasked(TaskRun run, LogEntry.Level level, Instant timestamp, String maskedMessage) {
        if (isBelowMinimum(run, level)) {
            return;
        }
        listener.log(new LogEntry(id, run.id(), run.taskId(), level, timestamp, maskedMessage));
    }

    /** Errors are always kept: a failure must never disappear because of {@code logLevel}. */
    private boolean isBelowMinimum(TaskRun run, LogEntry.Level level) {
        LogEntry.Level minimum = minimumLevels.get(run.id());
        return minimum != null && level != LogEntry.Level.ERROR && level.compareTo(minimum) < 0;
    }

    void executionStarted(Execution execution) {
        listener.executionStarted(execution);
    }

    void executionFinished(Execution execution) {
        listener.executionFinished(execution);
    }

    List<TaskRun> taskRuns() {
        synchronized (taskRuns) {
            return new ArrayList<>(taskRuns.values());
        }
    }

    private void put(TaskRun run) {
        synchronized (taskRuns) {
            taskRuns.put(run.id(), run);
        }
    }

    /** Outputs inside a ForEach are kept per value, as in Kestra: {@code outputs.task['value'].vars.x}. */
    private void storeOutputs(TaskRun run, Map<String, Object> taskOutputs) {
        Object printable = Json.printable(taskOutputs);
        if (run.value() == null) {
            outputs.put(run.taskId(), printable);
        } else {
            outputs.compute(run.taskId(), (k, existing) -> {
                Json.JsonMap byValue = existing instanceof Json.JsonMap m ? m : new Json.JsonMap();
                byValue.put(run.value(), printable);
                return byValue;
            });
        }
    }

    /** Switches to planning: outputs of earlier tasks render as placeholders, nothing runs. */
    void planning() {
        planning = true;
    }

    // ---- cancellation --------------------------------------------------------------------------------

    boolean isCancelled() {
        return cancelled.get();
    }

    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            running.forEach(RunHandle::cancel);
        }
    }

    /** Tracks a running runner handle so that cancel reaches it; cancels it at once if already cancelled. */
    void track(RunHandle handle) {
        running.add(handle);
        if (cancelled.get()) {
            handle.cancel();
        }
    }

    void untrack(RunHandle handle) {
        running.remove(handle);
    }

    // ---- templating ------------------------------------------------------------------------------------

    /** The variables a task's expressions see. */
    Map<String, Object> variables(TaskRun run, Map<String, Object> task, Map<String, String> paths) {
        Map<String, Object> context = new HashMap<>();
        context.put("flow", Map.of("id", flowId, "namespace", namespace));
        Map<String, Object> execution = new HashMap<>();
        execution.put("id", id);
        execution.put("startDate", startDate.atZone(java.time.ZoneOffset.UTC));
        context.put("execution", execution);
        context.put("inputs", inputs);
        context.put("vars", vars);
        context.put("outputs", planning ? new Placeholder("outputs") : outputs);
        context.put("envs", envs);
        context.put("labels", flow.get("labels") instanceof Map<?, ?> l ? l : Map.of());
        if (run != null) {
            context.put("task", Map.of("id", run.taskId(), "type", run.type()));
            Map<String, Object> taskrun = new HashMap<>();
            taskrun.put("id", run.id());
            taskrun.put(
                    "startDate",
                    run.startDate() == null ? null : run.startDate().atZone(java.time.ZoneOffset.UTC));
            taskrun.put("attemptsCount", run.attempts());
            if (run.value() != null) {
                taskrun.put("value", run.value());
            }
            if (run.parentId() != null) {
                taskrun.put("parentId", run.parentId());
            }
            context.put("taskrun", taskrun);
        }
        if (paths != null) {
            context.putAll(paths);
        }
        List<Path> readable = new ArrayList<>(List.of(runDirectory));
        if (workspace != null) {
            readable.add(workspace);
        }
        context.put(FlowbenchExtension.SCOPE, new FlowbenchExtension.Scope(secrets, readable));
        return context;
    }

    /** Every string of {@code value} rendered with {@code variables}. */
    Object render(Object value, Map<String, Object> variables) {
        return renderer.renderTree(value, variables);
    }

    String renderString(Object value, Map<String, Object> variables) {
        return value == null ? null : renderer.render(value.toString(), variables);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static String taskId(Map<String, Object> task) {
        return String.valueOf(task.getOrDefault("id", "?"));
    }

    /** Kestra exposes environment variables prefixed {@code ENV_} as {@code envs.<lower-case rest>}. */
    private static Map<String, Object> kestraEnvs(Map<String, String> environment) {
        Map<String, Object> envs = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("ENV_") && name.length() > 4) {
                envs.put(name.substring(4).toLowerCase(Locale.ROOT), value);
            }
        });
        return envs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Object value) {
        return (Map<String, Object>) value;
    }
}

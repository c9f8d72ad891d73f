package dev.flowbench.engine;

import dev.flowbench.runner.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Walks task lists: sequential lists stop at the first failure; flowable tasks (Sequential, Parallel,
 * ForEach, If, WorkingDirectory) run their children and their {@code errors} branch; runnable tasks (script
 * tasks, Log) run with {@code retry}. Common properties: {@code disabled}, {@code runIf}, {@code allowFailure}.
 */
final class Walker {

    static final String SEQUENTIAL = "io.kestra.plugin.core.flow.Sequential";
    static final String PARALLEL = "io.kestra.plugin.core.flow.Parallel";
    static final String FOR_EACH = "io.kestra.plugin.core.flow.ForEach";
    static final String IF = "io.kestra.plugin.core.flow.If";
    static final String WORKING_DIRECTORY = "io.kestra.plugin.core.flow.WorkingDirectory";
    static final String LOG = "io.kestra.plugin.core.log.Log";

    private final ExecutionContext context;

    Walker(ExecutionContext context) {
        this.context = context;
    }

    /** Runs {@code tasks} one after the other, stopping at the first FAILED or KILLED one; the combined state. */
    State runList(List<Map<String, Object>> tasks, Scope scope) throws InterruptedException {
        State combined = State.SUCCESS;
        for (Map<String, Object> task : tasks) {
            if (context.isCancelled()) {
                return State.KILLED;
            }
            State state = runTask(task, scope);
            combined = combined.worst(state == State.SKIPPED ? State.SUCCESS : state);
            if (state.isFailure()) {
                break;
            }
        }
        return combined;
    }

    /** Runs {@code tasks}, and on failure the {@code errors} branch; the combined state (FAILED stays FAILED). */
    State runWithErrors(List<Map<String, Object>> tasks, List<Map<String, Object>> errors, Scope scope)
            throws InterruptedException {
        State state = runList(tasks, scope);
        if (state == State.FAILED && !errors.isEmpty() && !context.isCancelled()) {
            context.log(scope.parent(), LogEntry.Level.WARN, "running the errors branch");
            State handled = runList(errors, scope);
            state = state.worst(handled);
        }
        return state;
    }

    /** Runs one task of any kind; returns its final state. */
    State runTask(Map<String, Object> task, Scope scope) throws InterruptedException {
        if (Boolean.TRUE.equals(ScriptAttempt.bool(task.get("disabled")))) {
            return context.skip(task, scope, "disabled").state();
        }
        TaskRun run = context.start(task, scope);
        Outcome outcome;
        try {
            if (task.get("runIf") != null) {
                String condition = context.renderString(task.get("runIf"), context.variables(run, task, null));
                if (!isTrue(condition)) {
                    context.log(run, LogEntry.Level.INFO, "skipped: runIf rendered '" + condition.strip() + "'");
                    return context.finish(run, State.SKIPPED, 0, Map.of(), null).state();
                }
            }
            outcome = switch (run.type()) {
                case SEQUENTIAL ->
                    flowable(
                            task,
                            run,
                            scope,
                            children -> runWithErrors(list(task, "tasks"), list(task, "errors"), children));
                case PARALLEL -> flowable(task, run, scope, children -> parallel(task, run, children));
                case FOR_EACH -> flowable(task, run, scope, children -> forEach(task, run, children));
                case IF -> flowable(task, run, scope, children -> branch(task, run, children));
                case WORKING_DIRECTORY -> workingDirectory(task, run, scope);
                default -> withRetry(task, run, scope);
            };
        } catch (FlowException | TemplateException e) {
            outcome = Outcome.failed(e.getMessage());
        }
        State state = outcome.state();
        String error = outcome.error();
        if (state == State.FAILED && Boolean.TRUE.equals(ScriptAttempt.bool(task.get("allowFailure")))) {
            if (error != null) {
                context.log(run, LogEntry.Level.ERROR, error + " (allowed to fail)");
                error = null;
            }
            state = State.WARNING;
        }
        int attempts = outcome.outputs().get("__attempts") instanceof Integer n ? n : 0;
        Map<String, Object> outputs = new LinkedHashMap<>(outcome.outputs());
        outputs.remove("__attempts");
        return context.finish(run, state, attempts, outputs, error).state();
    }

    @FunctionalInterface
    private interface Children {
        State run(Scope scope) throws InterruptedException;
    }

    private Outcome flowable(Map<String, Object> task, TaskRun run, Scope scope, Children children)
            throws InterruptedException {
        State state = children.run(scope.under(run));
        return new Outcome(state, Map.of(), state == State.FAILED ? "a child task failed" : null);
    }

    private State parallel(Map<String, Object> task, TaskRun run, Scope scope) throws InterruptedException {
        int limit = intValue(context.renderString(task.get("concurrent"), context.variables(run, task, null)), 0);
        List<Map<String, Object>> tasks = list(task, "tasks");
        State state = concurrently(tasks.size(), limit, i -> runTask(tasks.get(i), scope));
        if (state == State.FAILED) {
            List<Map<String, Object>> errors = list(task, "errors");
            if (!errors.isEmpty() && !context.isCancelled()) {
                state = state.worst(runList(errors, scope));
            }
        }
        return state;
    }

    private State forEach(Map<String, Object> task, TaskRun run, Scope scope) throws InterruptedException {
        Map<String, Object> vars = context.variables(run, task, null);
        List<String> values = values(task.get("values"), vars);
        int limit = intValue(context.renderString(task.get("concurrencyLimit"), vars), 1);
        List<Map<String, Object>> tasks = list(task, "tasks");
        List<Map<String, Object>> errors = list(task, "errors");
        return concurrently(values.size(), limit, i -> runWithErrors(tasks, errors, scope.withValue(values.get(i))));
    }

    private State branch(Map<String, Object> task, TaskRun run, Scope scope) throws InterruptedException {
        String condition = context.renderString(task.get("condition"), context.variables(run, task, null));
        boolean result = isTrue(condition);
        context.log(run, LogEntry.Level.INFO, "condition is " + result + ", running " + (result ? "then" : "else"));
        Object branch = result ? task.get("then") : task.containsKey("else") ? task.get("else") : task.get("else_");
        return runWithErrors(tasks(branch, "then/else"), list(task, "errors"), scope);
    }

    private Outcome workingDirectory(Map<String, Object> task, TaskRun run, Scope scope) throws InterruptedException {
        Path directory = context.runDirectory.resolve(run.id());
        Map<String, Object> vars = context.variables(run, task, Map.of("workingDir", directory.toString()));
        try {
            Files.createDirectories(directory);
            OutputFiles.writeInputs(
                    directory, ScriptAttempt.stringMap(context.render(task.get("inputFiles"), vars), "inputFiles"));
        } catch (IOException e) {
            return Outcome.failed("cannot create the working directory: " + e.getMessage());
        } catch (dev.flowbench.runner.RunnerException e) {
            return Outcome.failed(e.getMessage());
        }
        State state = runWithErrors(
                list(task, "tasks"), list(task, "errors"), scope.under(run).withWorkingDirectory(directory));
        Map<String, Object> files = new LinkedHashMap<>();
        OutputFiles.collect(directory, ScriptAttempt.strings(task.get("outputFiles"), "outputFiles"), null)
                .forEach((name, path) -> files.put(name, path.toString()));
        return new Outcome(state, Map.of("outputFiles", files), state == State.FAILED ? "a child task failed" : null);
    }

    /** A runnable task (script, Log) with its retry policy. */
    private Outcome withRetry(Map<String, Object> task, TaskRun run, Scope scope) throws InterruptedException {
        RetryPolicy retry = task.get("retry") == null
                ? RetryPolicy.of(null)
                : RetryPolicy.of(context.render(task.get("retry"), context.variables(run, task, null)));
        long first = System.nanoTime();
        int attempt = 1;
        Outcome outcome;
        while (true) {
            outcome = attempt(task, run, scope, attempt);
            if (outcome.state() != State.FAILED || context.isCancelled()) {
                break;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - first);
            if (!retry.allows(attempt + 1, elapsed)) {
                break;
            }
            Duration delay = retry.delayBefore(attempt + 1);
            context.log(
                    run,
                    LogEntry.Level.WARN,
                    "attempt " + attempt + " failed (" + outcome.error() + "); retrying in " + delay);
            sleepUnlessCancelled(delay);
            if (context.isCancelled()) {
                outcome = new Outcome(State.KILLED, outcome.outputs(), null);
                break;
            }
            attempt++;
        }
        if (outcome.state() == State.SUCCESS && attempt > 1 && retry.warningOnRetry()) {
            outcome = new Outcome(State.WARNING, outcome.outputs(), null);
        }
        Map<String, Object> outputs = new LinkedHashMap<>(outcome.outputs());
        outputs.put("__attempts", attempt);
        return new Outcome(outcome.state(), outputs, outcome.error());
    }

    private Outcome attempt(Map<String, Object> task, TaskRun run, Scope scope, int attempt)
            throws InterruptedException {
        String type = run.type();
        try {
            if (type.equals(LOG)) {
                return log(task, run);
            }
            if (ScriptAttempt.handles(type)) {
                return ScriptAttempt.run(context, run, task, scope, attempt);
            }
            return Outcome.failed("the task type '" + type + "' cannot run locally");
        } catch (FlowException | TemplateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Outcome log(Map<String, Object> task, TaskRun run) {
        Map<String, Object> vars = context.variables(run, task, null);
        Object message = context.render(task.get("message"), vars);
        LogEntry.Level level = LogEntry.Level.INFO;
        if (task.get("level") != null) {
            try {
                level = LogEntry.Level.valueOf(task.get("level").toString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Outcome.failed("level must be one of TRACE, DEBUG, INFO, WARN, ERROR");
            }
        }
        for (String line : ScriptAttempt.strings(message, "message")) {
            context.log(run, level, line);
        }
        return Outcome.success(Map.of());
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Indexed {
        State run(int index) throws InterruptedException;
    }

    /** Runs {@code count} jobs at most {@code limit} at a time (0 = all at once) and combines their states. */
    private State concurrently(int count, int limit, Indexed job) throws InterruptedException {
        if (limit == 1 || count <= 1) {
            State combined = State.SUCCESS;
            for (int i = 0; i < count && !context.isCancelled(); i++) {
                State state = job.run(i);
                combined = combined.worst(state == State.SKIPPED ? State.SUCCESS : state);
                if (state.isFailure()) {
                    break;
                }
            }
            return context.isCancelled() ? State.KILLED : combined;
        }
        Semaphore permits = new Semaphore(limit <= 0 ? count : limit);
        List<Future<State>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return context.isCancelled() ? State.KILLED : job.run(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
            State combined = State.SUCCESS;
            for (Future<State> future : futures) {
                try {
                    State state = future.get();
                    combined = combined.worst(state == State.SKIPPED ? State.SUCCESS : state);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return combined;
        }
    }

    private void sleepUnlessCancelled(Duration delay) throws InterruptedException {
        long end = System.nanoTime() + delay.toNanos();
        while (!context.isCancelled() && System.nanoTime() < end) {
            Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    private List<String> values(Object raw, Map<String, Object> vars) {
        Object values = raw instanceof String text ? context.renderString(text, vars) : context.render(raw, vars);
        if (values instanceof String text) {
            String stripped = text.strip();
            if (!stripped.startsWith("[")) {
                throw new FlowException("values must be a list or render to a JSON array, not '" + stripped + "'");
            }
            try {
                values = Json.parse(stripped);
            } catch (IllegalArgumentException e) {
                throw new FlowException("values must render to a JSON array: " + e.getMessage());
            }
        }
        if (!(values instanceof List<?> list)) {
            throw new FlowException("values must be a list");
        }
        return list.stream().map(v -> v instanceof String s ? s : Json.write(v)).toList();
    }

    static boolean isTrue(String rendered) {
        if (rendered == null) {
            return false;
        }
        String text = rendered.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("false") || text.equalsIgnoreCase("null")) {
            return false;
        }
        try {
            return Double.parseDouble(text) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static int intValue(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new FlowException("'" + text + "' is not a whole number");
        }
    }

    static List<Map<String, Object>> list(Map<String, Object> task, String property) {
        return tasks(task.get(property), property);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tasks(Object value, String property) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new FlowException(property + " must be a list of tasks");
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?>)) {
                throw new FlowException(property + " must be a list of tasks");
            }
            tasks.add((Map<String, Object>) item);
        }
        return tasks;
    }
}

package dev.flowbench.engine;

import dev.flowbench.runner.LogLine;
import dev.flowbench.runner.Metric;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskIdentity;
import dev.flowbench.runner.TaskRunner;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one attempt of a script task (shell or python, Commands or Script) through its task runner: renders
 * its properties, builds the {@link RunRequest}, streams its lines into the execution log and maps the result.
 */
final class ScriptAttempt {

    static final String PYTHON_SCRIPT_FILE = "_flowbench_script.py";

    private ScriptAttempt() {}

    static boolean handles(String type) {
        return type.startsWith("io.kestra.plugin.scripts.shell.")
                || type.startsWith("io.kestra.plugin.scripts.python.");
    }

    /** What running an attempt would need: the runner and the fully rendered request. */
    record Prepared(TaskRunner runner, Map<String, Object> runnerConfig, RunRequest request) {}

    /**
     * Renders the task and builds its request; with {@code createDirectories} false nothing is created, for
     * plans. Throws {@link FlowException} or {@link TemplateException} when the task cannot be prepared.
     */
    static Prepared prepare(
            ExecutionContext context,
            TaskRun run,
            Map<String, Object> task,
            Scope scope,
            int attempt,
            boolean createDirectories) {
        String type = run.type();
        @SuppressWarnings("unchecked")
        Map<String, Object> runnerConfig = task.get("taskRunner") instanceof Map<?, ?> m
                ? (Map<String, Object>) context.render(m, context.variables(run, task, null))
                : null;
        TaskRunner runner = context.runners.resolve(runnerConfig);

        // runs/<execution>/<task run>/ is the working directory, runs/<execution>/<task run>.out/ the output
        // directory: two directories to create per task, each a single mkdir (on some disks a costly one)
        Path work = scope.sharedWorkingDirectory() != null
                ? scope.sharedWorkingDirectory()
                : context.runDirectory.resolve(run.id());
        Path out = context.runDirectory.resolve(run.id() + (attempt == 1 ? ".out" : ".out-" + attempt));
        if (createDirectories) {
            try {
                if (scope.sharedWorkingDirectory() == null) {
                    createDirectory(work);
                }
                createDirectory(out);
            } catch (IOException e) {
                throw new FlowException("cannot create the task's directories: " + e.getMessage());
            }
        }
        Map<String, Object> vars = context.variables(run, task, runner.pathVariables(work, out));

        Map<String, String> env = stringMap(context.render(task.get("env"), vars), "env");
        List<String> lines = new ArrayList<>();
        if (!Boolean.FALSE.equals(bool(task.get("failFast")))) {
            lines.add("set -e");
        }
        Map<String, String> inputFiles =
                new LinkedHashMap<>(stringMap(context.render(task.get("inputFiles"), vars), "inputFiles"));
        if (type.contains(".python.")) {
            Python.Setup setup = Python.prepare(
                    runner,
                    strings(context.render(task.get("dependencies"), vars), "dependencies"),
                    context,
                    run.taskId(),
                    env);
            lines.addAll(setup.commands());
            Map<String, String> merged = new LinkedHashMap<>(env);
            merged.putAll(setup.env());
            env = merged;
        }
        lines.addAll(strings(context.render(task.get("beforeCommands"), vars), "beforeCommands"));
        if (type.endsWith(".Script")) {
            String script = context.renderString(task.get("script"), vars);
            if (script == null) {
                throw new FlowException("the task needs a script");
            }
            if (type.contains(".python.")) {
                inputFiles.put(PYTHON_SCRIPT_FILE, script);
                lines.add("python " + PYTHON_SCRIPT_FILE);
            } else {
                lines.add(script);
            }
        } else {
            List<String> commands = strings(context.render(task.get("commands"), vars), "commands");
            if (commands.isEmpty()) {
                throw new FlowException("the task needs at least one command");
            }
            lines.addAll(commands);
        }
        List<String> interpreter = task.get("interpreter") == null
                ? RunCommand.DEFAULT_INTERPRETER
                : strings(task.get("interpreter"), "interpreter");
        String image = context.renderString(task.get("containerImage"), vars);
        Duration timeout = RetryPolicy.duration(context.renderString(task.get("timeout"), vars), null);

        RunRequest request = new RunRequest(
                new TaskIdentity(context.namespace, context.flowId, context.id, run.taskId(), run.id(), attempt),
                RunCommand.of(interpreter, lines),
                env,
                work,
                out,
                inputFiles,
                strings(context.render(task.get("outputFiles"), vars), "outputFiles"),
                image,
                timeout,
                context.masker);
        return new Prepared(runner, runnerConfig, request);
    }

    static Outcome run(ExecutionContext context, TaskRun run, Map<String, Object> task, Scope scope, int attempt)
            throws InterruptedException {
        Prepared prepared = prepare(context, run, task, scope, attempt, true);
        TaskRunner runner = prepared.runner();
        RunRequest request = prepared.request();
        Duration timeout = request.timeout();
        AtomicLong stderrLines = new AtomicLong();
        RunListener listener = new RunListener() {
            @Override
            public void log(LogLine line) {
                boolean stderr = line.stream() == LogLine.Stream.STDERR;
                if (stderr) {
                    stderrLines.incrementAndGet();
                }
                context.logMasked(
                        run, stderr ? LogEntry.Level.WARN : LogEntry.Level.INFO, line.timestamp(), line.text());
            }
        };
        RunResult result;
        AtomicReference<RunHandle> handle = new AtomicReference<>();
        try {
            result = runner.runAndWait(request, listener, started -> {
                handle.set(started);
                context.track(started);
            });
        } catch (RunnerException e) {
            return Outcome.failed(e.getMessage());
        } finally {
            if (handle.get() != null) {
                context.untrack(handle.get());
            }
        }
        return outcome(result, task, stderrLines.get(), timeout);
    }

    private static Outcome outcome(RunResult result, Map<String, Object> task, long stderrLines, Duration timeout) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("vars", result.outputs());
        outputs.put("exitCode", result.exitCode());
        Map<String, Object> files = new LinkedHashMap<>();
        result.outputFiles().forEach((name, path) -> files.put(name, path.toString()));
        outputs.put("outputFiles", files);
        if (!result.details().isEmpty()) {
            outputs.put("runner", result.details());
        }
        if (!result.metrics().isEmpty()) {
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (Metric metric : result.metrics()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", metric.name());
                entry.put("type", metric.type());
                entry.put("value", metric.value());
                entry.put("tags", metric.tags());
                metrics.add(entry);
            }
            outputs.put("metrics", metrics);
        }
        if (result.timedOut()) {
            return new Outcome(State.FAILED, outputs, "timed out after " + timeout + " and was killed");
        }
        if (result.killed()) {
            return new Outcome(State.KILLED, outputs, null);
        }
        if (result.exitCode() != 0) {
            return new Outcome(State.FAILED, outputs, "commands exited with code " + result.exitCode());
        }
        if (Boolean.TRUE.equals(bool(task.get("warningOnStdErr"))) && stderrLines > 0) {
            return new Outcome(State.WARNING, outputs, null);
        }
        return Outcome.success(outputs);
    }

    /**
     * Creates {@code directory}, and its missing parents; fine when it already exists as a directory. The
     * usual case is one {@code mkdir} through {@link java.io.File}, far lighter than the NIO path while the
     * code is not yet compiled; anything unusual goes through {@link Files} for its precise error.
     */
    static void createDirectory(Path directory) throws IOException {
        if (directory.getFileSystem() == FileSystems.getDefault()
                && directory.toFile().mkdir()) {
            return;
        }
        Files.createDirectories(directory);
    }

    static Boolean bool(Object value) {
        return value == null ? null : Boolean.valueOf(value.toString().strip());
    }

    static List<String> strings(Object value, String property) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        throw new FlowException(property + " must be a list of strings");
    }

    static Map<String, String> stringMap(Object value, String property) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new FlowException(property + " must be a map of names to values");
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return result;
    }
}

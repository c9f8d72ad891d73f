package dev.flowbench.engine;

import dev.flowbench.runner.SecretMasker;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs flows locally: walks the tasks, renders their expressions, runs script tasks through their task
 * runners, masks secrets, and reports every event to a {@link RunEventListener} (and to the {@link RunRecorder},
 * the run history, when one is configured). One engine serves any number of executions, also concurrently.
 *
 * <pre>{@code
 * Engine engine = Engine.builder(workspace.resolve(".flowbench")).recorder(history.recorder()).build();
 * Execution done = engine.run(FlowRun.of(flowMap).withInputs(Map.of("name", "Ada")), listener);
 * }</pre>
 */
public final class Engine {

    private final Path dataDirectory;
    private final Path workspace;
    private final RunnerResolver runners;
    private final RunRecorder recorder;
    private final Map<String, String> environmentVariables;

    private Engine(Builder builder) {
        this.dataDirectory = builder.dataDirectory;
        this.workspace = builder.workspace;
        this.runners = builder.runners != null ? builder.runners : RunnerResolver.of(PluginRegistry.builtIn());
        this.recorder = builder.recorder;
        this.environmentVariables = builder.environmentVariables;
    }

    /** A builder for an engine keeping its files (task directories, virtual environments) in {@code dataDirectory}. */
    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /**
     * Starts an execution and returns at once. Throws {@link FlowException} when the flow cannot start (a
     * missing or invalid input, with the list of inputs and their types); everything after that, including
     * task failures, is reported through {@code listener} and the final {@link Execution}.
     */
    public RunningExecution start(FlowRun request, RunEventListener listener) {
        Objects.requireNonNull(request, "request");
        ExecutionContext context = context(request, listener, true);
        SecretMasker masker = context.masker;
        Map<String, Object> inputs = context.inputs;
        @SuppressWarnings("unchecked")
        Map<String, Object> maskedInputs = (Map<String, Object>) masker.maskTree(inputs);
        CompletableFuture<Execution> done = new CompletableFuture<>();
        Thread.ofPlatform()
                .name("flowbench-execution-" + context.id)
                .start(() -> done.complete(new ExecutionRun(context, request.onlyTask(), maskedInputs).run()));
        return new Running(context, done, recorder);
    }

    /** Runs an execution to its end; see {@link #start}. Interrupting the caller cancels the execution. */
    public Execution run(FlowRun request, RunEventListener listener) throws InterruptedException {
        RunningExecution running = start(request, listener);
        try {
            return running.await();
        } catch (InterruptedException e) {
            running.cancel();
            throw e;
        }
    }

    /**
     * What each script task of the flow (all branches included) would submit to its runner, without running
     * anything: the effective runner configuration and the runner's plan, secrets masked. Outputs of earlier
     * tasks appear as placeholders such as {@code <outputs.task.vars.name>}. Throws {@link FlowException} for
     * missing or invalid inputs, like {@link #start}.
     */
    public List<TaskPlan> plan(FlowRun request) {
        ExecutionContext context = context(request, null, false);
        return new Planner(context).plan(request.flow(), request.onlyTask());
    }

    /** One line listing a flow's inputs and their types, for messages and {@code --help}. */
    public static String describeInputs(Map<String, Object> flow) {
        return Inputs.describe(Inputs.declared(flow));
    }

    private ExecutionContext context(FlowRun request, RunEventListener listener, boolean record) {
        if (Boolean.TRUE.equals(request.flow().get("disabled"))
                || "true".equals(String.valueOf(request.flow().get("disabled")))) {
            throw new FlowException("the flow is disabled (disabled: true); remove that line to run it");
        }
        List<Inputs.Declared> declared = Inputs.declared(request.flow());
        Map<String, Object> inputs = Inputs.resolve(declared, request.inputs());
        List<String> secretValues = new ArrayList<>(request.secrets().values());
        for (String id : Inputs.secretIds(declared)) {
            if (inputs.get(id) != null) {
                secretValues.add(inputs.get(id).toString());
            }
        }
        List<RunEventListener> listeners = new ArrayList<>();
        if (recorder != null && record) {
            listeners.add(recorder);
        }
        if (listener != null) {
            listeners.add(listener);
        }
        return new ExecutionContext(
                request,
                inputs,
                SecretMasker.of(secretValues),
                hash(request.source()),
                dataDirectory,
                workspace,
                runners,
                environmentVariables,
                new CompositeListener(listeners));
    }

    private static String hash(String source) {
        if (source == null) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configures an {@link Engine}. */
    public static final class Builder {
        private final Path dataDirectory;
        private Path workspace;
        private RunnerResolver runners;
        private RunRecorder recorder;
        private Map<String, String> environmentVariables = System.getenv();

        private Builder(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        /** The workspace folder: {@code read()} may read its files. */
        public Builder workspace(Path workspace) {
            this.workspace = workspace;
            return this;
        }

        /** How task runner configurations become runners; default: the built-in plugin registry. */
        public Builder runners(RunnerResolver runners) {
            this.runners = runners;
            return this;
        }

        /** Records every execution with {@code recorder}, e.g. {@code History.recorder()}; default: none. */
        public Builder recorder(RunRecorder recorder) {
            this.recorder = recorder;
            return this;
        }

        /** The variables {@code envs.*} is made of ({@code ENV_} prefixed); default: this process's environment. */
        public Builder environmentVariables(Map<String, String> variables) {
            this.environmentVariables = Map.copyOf(variables);
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }

    private record Running(ExecutionContext context, CompletableFuture<Execution> done, RunRecorder recorder)
            implements RunningExecution {
        @Override
        public String id() {
            return context.id;
        }

        @Override
        public void cancel() {
            context.cancel();
        }

        @Override
        public Execution await() throws InterruptedException {
            try {
                Execution execution = done.get();
                if (recorder != null) {
                    recorder.flush();
                }
                return execution;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the engine failed", e.getCause());
            }
        }

        @Override
        public Execution await(Duration timeout) throws InterruptedException {
            try {
                Execution execution = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (recorder != null) {
                    recorder.flush();
                }
                return execution;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the engine failed", e.getCause());
            } catch (TimeoutException e) {
                return null;
            }
        }
    }

    /** The body of one execution, on its own thread. */
    private record ExecutionRun(ExecutionContext context, String onlyTask, Map<String, Object> maskedInputs) {

        Execution run() {
            Execution started = snapshot(State.RUNNING, null, Map.of(), null);
            context.executionStarted(started);
            State state;
            String error = null;
            Walker walker = new Walker(context);
            try {
                List<Map<String, Object>> tasks = Walker.list(context.flow, "tasks");
                if (onlyTask != null) {
                    tasks = tasks.stream()
                            .filter(t -> onlyTask.equals(ExecutionContext.taskId(t)))
                            .toList();
                    if (tasks.isEmpty()) {
                        throw new FlowException("the flow has no top-level task '" + onlyTask + "'");
                    }
                }
                state = walker.runWithErrors(
                        tasks, onlyTask == null ? Walker.list(context.flow, "errors") : List.of(), Scope.ROOT);
                if (!context.isCancelled() && onlyTask == null) {
                    state = state.worst(walker.runList(Walker.list(context.flow, "finally"), Scope.ROOT));
                }
            } catch (FlowException e) {
                state = State.FAILED;
                error = e.getMessage();
            } catch (InterruptedException e) {
                context.cancel();
                state = State.KILLED;
            } catch (RuntimeException e) {
                state = State.FAILED;
                error = "internal error: " + e;
            }
            if (context.isCancelled()) {
                state = State.KILLED;
            }
            Map<String, Object> outputs = Map.of();
            if (state != State.KILLED && onlyTask == null) {
                try {
                    outputs = flowOutputs();
                } catch (FlowException | TemplateException e) {
                    state = state.worst(State.FAILED);
                    error = "flow outputs: " + e.getMessage();
                }
            }
            if (error != null) {
                context.log(null, LogEntry.Level.ERROR, error);
            }
            Execution finished = snapshot(state, Instant.now(), outputs, error);
            context.executionFinished(finished);
            return finished;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> flowOutputs() {
            Map<String, Object> outputs = new LinkedHashMap<>();
            if (!(context.flow.get("outputs") instanceof List<?> list)) {
                return outputs;
            }
            Map<String, Object> vars = context.variables(null, Map.of(), null);
            for (Object item : list) {
                if (item instanceof Map<?, ?> output && output.get("id") != null) {
                    String id = output.get("id").toString();
                    Object type = output.get("type");
                    Object value = context.render(output.get("value"), vars);
                    outputs.put(id, Inputs.typed(id, type == null ? null : type.toString(), value));
                }
            }
            return (Map<String, Object>) context.masker.maskTree(outputs);
        }

        private Execution snapshot(State state, Instant end, Map<String, Object> outputs, String error) {
            return new Execution(
                    context.id,
                    context.namespace,
                    context.flowId,
                    context.environment,
                    context.flowHash,
                    state,
                    context.startDate,
                    end,
                    maskedInputs,
                    outputs,
                    end == null ? List.of() : context.taskRuns(),
                    error == null ? null : context.masker.mask(error));
        }
    }
}

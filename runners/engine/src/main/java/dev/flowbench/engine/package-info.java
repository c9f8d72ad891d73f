/**
 * The local execution engine.
 *
 * <p>{@link dev.flowbench.engine.Engine} runs a {@link dev.flowbench.engine.FlowRun} (a flow as a JSON-like map
 * with the environment's pluginDefaults applied, its inputs and secrets) and reports to a {@link
 * dev.flowbench.engine.RunEventListener}; the result is an {@link dev.flowbench.engine.Execution} made of
 * {@link dev.flowbench.engine.TaskRun}s. {@link dev.flowbench.engine.Engine#start} returns a {@link
 * dev.flowbench.engine.RunningExecution} to cancel; {@link dev.flowbench.engine.Engine#plan} describes what
 * each script task would submit. The history ({@code dev.flowbench.engine.history.History}) plugs in as a
 * {@link dev.flowbench.engine.RunRecorder}:
 *
 * <pre>{@code
 * try (History history = History.open(workspace.resolve(".flowbench"))) {
 *     Engine engine = Engine.builder(workspace.resolve(".flowbench"))
 *             .workspace(workspace)
 *             .runners(RunnerResolver.of(registry))
 *             .recorder(history.recorder())
 *             .build();
 *     RunningExecution running = engine.start(
 *             FlowRun.of(flowWithDefaults).withSource(yaml).withInputs(cliInputs).withSecrets(secrets)
 *                     .withEnvironment("dev"),
 *             listener); // throws FlowException (one line) for missing or invalid inputs
 *     // Ctrl+C: running.cancel(); then running.await() returns the execution in state KILLED
 *     Execution done = running.await();
 *     history.prune(Retention.DEFAULT);
 * }
 * }</pre>
 *
 * <p>Everything else in this package is internal: the task walker, script attempts, Pebble rendering, inputs.
 */
package dev.flowbench.engine;

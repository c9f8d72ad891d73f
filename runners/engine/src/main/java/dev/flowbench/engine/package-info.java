/**
 * The local execution engine: {@link dev.flowbench.engine.Engine} runs a {@link dev.flowbench.engine.FlowRun}
 * (a flow with pluginDefaults applied, its inputs and secrets) and reports to a {@link
 * dev.flowbench.engine.RunEventListener}; the result is an {@link dev.flowbench.engine.Execution} made of
 * {@link dev.flowbench.engine.TaskRun}s. Cancel through {@link dev.flowbench.engine.RunningExecution}.
 * Everything else in this package is internal: the task walker, script attempts, Pebble rendering, inputs.
 */
package dev.flowbench.engine;

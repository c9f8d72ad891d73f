/**
 * The run panel: {@link dev.flowbench.app.desktop.run.RunViewModel} prepares a flow like {@code flowbench run}
 * (validated in the chosen environment, pluginDefaults applied, secrets loaded), runs it on the engine, streams
 * task states and logs (batched onto the FX thread, bounded in memory), cancels cleanly, plans without running,
 * and reads past executions from the history.
 */
package dev.flowbench.app.desktop.run;

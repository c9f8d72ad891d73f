/**
 * How plugins describe themselves: {@link dev.flowbench.schema.plugin.Plugin} and
 * {@link dev.flowbench.schema.plugin.PluginProperty} on a record, one slot interface, and a
 * {@link dev.flowbench.schema.plugin.PluginProvider} service entry in the JAR.
 */
package dev.flowbench.schema.plugin;

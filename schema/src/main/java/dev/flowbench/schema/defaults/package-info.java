/**
 * pluginDefaults with Kestra's semantics and the origin of every merged value: {@link
 * dev.flowbench.schema.defaults.PluginDefaults#apply} turns a flow and the applicable {@link
 * dev.flowbench.schema.defaults.DefaultEntry default entries} into a {@link
 * dev.flowbench.schema.defaults.MergedFlow}, which answers "what is the effective configuration of this task,
 * and where did each value come from" ({@link dev.flowbench.schema.defaults.EffectiveTask}, {@link
 * dev.flowbench.schema.defaults.ValueOrigin}). The precedence rules are documented on {@link
 * dev.flowbench.schema.defaults.PluginDefaults}.
 */
package dev.flowbench.schema.defaults;

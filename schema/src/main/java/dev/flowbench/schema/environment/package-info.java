/**
 * Environments of a workspace ({@code environments/<name>.yaml}): their instance, tenant and namespace
 * pluginDefaults ({@link dev.flowbench.schema.environment.Environment}), their secrets ({@link
 * dev.flowbench.schema.environment.Secrets}, names for completion and validation, values for the engine only),
 * and the effective configuration of a flow in an environment ({@link
 * dev.flowbench.schema.environment.EffectiveConfiguration}).
 */
package dev.flowbench.schema.environment;

package dev.flowbench.schema.defaults;

/**
 * Where a pluginDefaults entry is written. Non-forced defaults rank flow over namespace over tenant over
 * instance; forced ones the other way round.
 */
public enum DefaultLevel {
    /** The flow's own {@code pluginDefaults}. */
    FLOW,
    /** {@code namespaces.<ns>.pluginDefaults} of the environment, for the flow's namespace or a parent of it. */
    NAMESPACE,
    /** {@code tenants.<id>.pluginDefaults} of the environment. */
    TENANT,
    /** The environment's top-level {@code pluginDefaults}. */
    INSTANCE
}

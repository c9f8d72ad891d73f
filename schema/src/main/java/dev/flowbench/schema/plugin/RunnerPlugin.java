package dev.flowbench.schema.plugin;

/** Marks a plugin that can appear as a script task's {@code taskRunner}. */
public interface RunnerPlugin {}

package dev.flowbench.schema.plugin;

/** Marks a plugin that can appear in a flow's {@code triggers} list (accepted, never fired locally). */
public interface TriggerPlugin {}

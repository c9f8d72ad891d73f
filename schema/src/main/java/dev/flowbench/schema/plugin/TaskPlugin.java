package dev.flowbench.schema.plugin;

/**
 * Marks a plugin that can appear in a task list ({@code tasks}, {@code errors}, {@code finally}, and the
 * task lists of flowable tasks).
 */
public interface TaskPlugin {}

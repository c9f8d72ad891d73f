package dev.flowbench.schema.builtin;

/** Log levels, most verbose first. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
}

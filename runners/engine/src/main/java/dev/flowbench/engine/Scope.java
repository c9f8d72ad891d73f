package dev.flowbench.engine;

import java.nio.file.Path;

/**
 * Where in the flow a task runs: its enclosing task run, the current ForEach value, and the working
 * directory shared by an enclosing WorkingDirectory task.
 */
record Scope(TaskRun parent, String value, Path sharedWorkingDirectory) {

    static final Scope ROOT = new Scope(null, null, null);

    Scope under(TaskRun parentRun) {
        return new Scope(parentRun, value, sharedWorkingDirectory);
    }

    Scope withValue(String newValue) {
        return new Scope(parent, newValue, sharedWorkingDirectory);
    }

    Scope withWorkingDirectory(Path directory) {
        return new Scope(parent, value, directory);
    }
}

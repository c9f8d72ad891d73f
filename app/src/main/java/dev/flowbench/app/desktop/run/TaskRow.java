package dev.flowbench.app.desktop.run;

import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskRun;
import java.time.Duration;
import java.util.Map;

/** One line of the task table: the latest snapshot of a task run. */
public record TaskRow(TaskRun run) {
    public String taskId() {
        return run.value() == null ? run.taskId() : run.taskId() + " [" + run.value() + "]";
    }

    public State state() {
        return run.state();
    }

    /** "1.2 s", or empty while unknown. */
    public String duration() {
        Duration d = run.duration();
        return d == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    public int attempts() {
        return run.attempts();
    }

    public Map<String, Object> outputs() {
        return run.outputs();
    }
}

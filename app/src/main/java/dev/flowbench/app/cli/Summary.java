package dev.flowbench.app.cli;

import dev.flowbench.engine.Execution;
import dev.flowbench.engine.TaskRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/** The end-of-run table: one line per task run with state, duration and attempts, then outputs. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, Execution execution) {
        out.println();
        out.println("Execution " + execution.id() + " of " + execution.namespace() + "." + execution.flowId()
                + (execution.environment() == null ? "" : " in " + execution.environment()) + ": "
                + execution.state() + " in " + format(execution.duration()));
        if (execution.error() != null) {
            out.println("  " + execution.error());
        }
        int width = execution.taskRuns().stream()
                .mapToInt(t -> label(t).length())
                .max()
                .orElse(4);
        String row = "  %-" + width + "s  %-8s  %9s  %s%n";
        out.printf(row, "TASK", "STATE", "DURATION", "ATTEMPTS");
        for (TaskRun run : execution.taskRuns()) {
            out.printf(row, label(run), run.state(), format(run.duration()), run.attempts());
        }
        for (TaskRun run : execution.taskRuns()) {
            Map<String, Object> outputs = run.outputs();
            if (!outputs.isEmpty()) {
                out.println("  outputs of " + label(run) + ": " + Json.compact(outputs));
            }
        }
        if (!execution.outputs().isEmpty()) {
            out.println("  flow outputs: " + Json.compact(execution.outputs()));
        }
    }

    private static String label(TaskRun run) {
        return run.value() == null ? run.taskId() : run.taskId() + "[" + run.value() + "]";
    }

    private static String format(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}

package dev.flowbench.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param exitCode the commands' exit code (128 + signal for a process killed by a signal, e.g. 137)
 * @param killed whether the run was stopped by cancel or timeout
 * @param timedOut whether the run was stopped because it exceeded the request's timeout
 * @param duration wall time from start to end
 * @param details what the runner created (pid, container id, pod name, job id…)
 * @param outputs values set with the {@code ::{"outputs":{…}}::} protocol
 * @param metrics metrics recorded with the {@code ::{"metrics":[…]}::} protocol
 * @param outputFiles collected output files: name relative to the working (or output) directory to a file on
 *     this machine
 */
public record RunResult(
        int exitCode,
        boolean killed,
        boolean timedOut,
        Duration duration,
        Map<String, String> details,
        Map<String, Object> outputs,
        List<Metric> metrics,
        Map<String, Path> outputFiles) {

    public RunResult {
        details = Map.copyOf(details == null ? Map.of() : details);
        outputs = outputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        outputFiles = outputFiles == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputFiles));
    }

    /** Whether the commands exited with 0 and were not killed. */
    public boolean succeeded() {
        return exitCode == 0 && !killed;
    }
}

package dev.flowbench.editor.language;

import dev.flowbench.schema.diagnostic.Diagnostic;
import java.time.Duration;
import java.util.List;

/**
 * Exercises the language services on a generated flow (validation after edits, completion, hover, quick fixes,
 * links and outline) so that the JIT compiles their hot paths before a user's first keystroke needs them.
 *
 * <p>A long-running process (the language server) calls it once at start-up: without it, the first dozen
 * edits and the first completions of a session run in the interpreter and take several times longer than
 * the rest. The generated flow uses built-in plugins only; it leaves the services' caches as a real session
 * would, holding a few analyses that later texts push out.
 */
public final class WarmUp {
    private static final int TASKS = 300;
    static final int ROUNDS = 300;
    private static final int LARGE_TASKS = 1_000;
    static final int LARGE_ROUNDS = 8;

    private WarmUp() {}

    /**
     * Runs the services {@link #ROUNDS} times on a flow of {@link #TASKS} tasks, then {@link #LARGE_ROUNDS} edits
     * on one of {@link #LARGE_TASKS} tasks (long loops are compiled separately from short ones), each phase
     * within its share of {@code budget}; returns the rounds done.
     */
    public static int run(FlowLanguage flows, Duration budget) {
        long start = System.nanoTime();
        long small = start + budget.toNanos() * 3 / 5;
        long deadline = start + budget.toNanos();
        String flow = flow(TASKS);
        int[] carets = carets(flow);
        int rounds = 0;
        while (rounds < ROUNDS && System.nanoTime() < small) {
            round(flows, flow, carets, rounds);
            rounds++;
        }
        String large = flow(LARGE_TASKS);
        int[] largeCarets = carets(large);
        for (int i = 0; i < LARGE_ROUNDS && System.nanoTime() < deadline; i++) {
            round(flows, large, largeCarets, i);
            rounds++;
        }
        return rounds;
    }

    /** One edit, alternately at the top (the rest is reused) and inside a task, as typing does, and its uses. */
    private static void round(FlowLanguage flows, String flow, int[] carets, int round) {
        String text = round % 2 == 0
                ? flow.replace("Generated for warming up", "Generated for warming up, round " + round)
                : flow.replace("message: Row 7 ", "message: Row 7 " + round + " ");
        List<Diagnostic> diagnostics = flows.diagnose(text);
        flows.prepare(text);
        for (int caret : carets) {
            flows.complete(text, caret);
            flows.hover(text, caret);
        }
        if (!diagnostics.isEmpty()) {
            flows.quickFixes(text, diagnostics.getFirst());
        }
        if (round % 10 == 0) {
            flows.docLinks(text);
            flows.outline(text);
        }
    }

    /** Carets where completion and hover have work to do: keys, type values, enum values and expressions. */
    private static int[] carets(String flow) {
        String[] marks = {
            "    type: io.kestra.plugin.core.log.Log",
            "type: io.kestra.plugin.scripts.runner.docker.Docker",
            "pullPolicy: ALWAYS",
            "{{ inputs.name",
            "{{ outputs.log_3",
            "    message: Row 7 ",
            "commands:"
        };
        int[] carets = new int[marks.length * 2 + 1];
        for (int i = 0; i < marks.length; i++) {
            int at = Math.max(0, flow.indexOf(marks[i], flow.length() / 3));
            int key = at + marks[i].length() - marks[i].stripLeading().length();
            carets[2 * i] = at + marks[i].length() - 2; // on the value
            carets[2 * i + 1] = key + 1; // on the key
        }
        carets[carets.length - 1] = flow.indexOf("tasks:") + 2;
        return carets;
    }

    /** The generated flow the services are exercised on: a realistic text, e.g. for warming up a protocol. */
    public static String sampleFlow() {
        return flow(TASKS);
    }

    /** A flow of {@link #TASKS} tasks of the kinds flows hold, with a few errors for the error paths. */
    private static String flow(int tasks) {
        var flow = new StringBuilder(tasks * 160);
        flow.append("id: warm_up\nnamespace: company.team\ndescription: |\n  Generated for warming up.\n")
                .append("inputs:\n  - id: name\n    type: STRING\n    defaults: world\n")
                .append("variables:\n  bucket: data\ntasks:\n");
        for (int i = 0; i < tasks; i++) {
            switch (i % 4) {
                case 0 ->
                    flow.append("  - id: log_")
                            .append(i)
                            .append("\n    type: io.kestra.plugin.core.log.Log\n    message: Row ")
                            .append(i % 10)
                            .append(" for {{ inputs.name }} in {{ vars.bucket }}\n");
                case 1 ->
                    flow.append("  - id: shell_")
                            .append(i)
                            .append("\n    type: io.kestra.plugin.scripts.shell.Commands\n")
                            .append("    containerImage: local/busybox:1\n    commands:\n      - echo ")
                            .append("\"{{ outputs.log_")
                            .append(i - 1)
                            .append(".vars }}\"\n      - ls\n");
                case 2 ->
                    flow.append("  - id: runner_")
                            .append(i)
                            .append(
                                    "\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - true\n")
                            .append("    taskRunner:\n      type: io.kestra.plugin.scripts.runner.docker.Docker\n")
                            .append("      pullPolicy: ")
                            .append(i % 40 == 2 ? "SOMETIMES" : "ALWAYS")
                            .append("\n      memory:\n        memory: 512Mi\n");
                default ->
                    flow.append("  - id: log_late_")
                            .append(i)
                            .append("\n    type: io.kestra.plugin.core.log.Log\n    ")
                            .append(i % 50 == 3 ? "mesage" : "message")
                            .append(": Later {{ outputs.log_3.vars }}\n    level: INFO\n");
            }
        }
        flow.append("pluginDefaults:\n  - type: io.kestra.plugin.scripts\n    values:\n      taskRunner:\n")
                .append("        type: io.kestra.plugin.scripts.runner.docker.Docker\n")
                .append("        pullPolicy: IF_NOT_PRESENT\n");
        return flow.toString();
    }
}

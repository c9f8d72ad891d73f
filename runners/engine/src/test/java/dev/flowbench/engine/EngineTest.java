package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @TempDir
    Path data;

    private Execution run(String yaml, RecordingEvents events) throws InterruptedException {
        return run(FlowRun.of(Flows.parse(yaml)).withSource(yaml), events);
    }

    private Execution run(FlowRun request, RecordingEvents events) throws InterruptedException {
        return Engine.builder(data)
                .environmentVariables(Map.of("ENV_REGION", "eu"))
                .build()
                .run(request, events);
    }

    private static String flow(String tasks) {
        return "id: t\nnamespace: company.team\ntasks:\n" + tasks.stripIndent();
    }

    @Test
    void allowedFailureEndsInWarningAndTheFlowGoesOn() throws Exception {
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: bad
                    type: io.kestra.plugin.scripts.shell.Commands
                    allowFailure: true
                    commands: [exit 2]
                  - id: after
                    type: io.kestra.plugin.core.log.Log
                    message: still here
                """), events);
        assertThat(done.state()).isEqualTo(State.WARNING);
        assertThat(done.taskRun("bad").orElseThrow().state()).isEqualTo(State.WARNING);
        assertThat(events.messages("after")).containsExactly("still here");
    }

    @Test
    void disabledAndRunIfFalseTasksAreSkipped() throws Exception {
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: off
                    type: io.kestra.plugin.core.log.Log
                    disabled: true
                    message: never
                  - id: conditional
                    type: io.kestra.plugin.core.log.Log
                    runIf: "{{ 1 > 2 }}"
                    message: never
                  - id: on
                    type: io.kestra.plugin.core.log.Log
                    runIf: "{{ envs.region == 'eu' }}"
                    message: runs
                """), events);
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(done.taskRun("off").orElseThrow().state()).isEqualTo(State.SKIPPED);
        assertThat(done.taskRun("conditional").orElseThrow().state()).isEqualTo(State.SKIPPED);
        assertThat(events.messages("on")).containsExactly("runs");
    }

    @Test
    void constantRetryRunsUntilTheTaskSucceeds(@TempDir Path counter) throws Exception {
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: flaky
                    type: io.kestra.plugin.scripts.shell.Commands
                    retry:
                      type: constant
                      interval: PT0.1S
                      maxAttempts: 5
                    commands:
                      - echo x >> '%s/attempts'
                      - test $(wc -l < '%s/attempts') -ge 3
                """.formatted(counter, counter)), events);
        TaskRun flaky = done.taskRun("flaky").orElseThrow();
        assertThat(flaky.state()).isEqualTo(State.SUCCESS);
        assertThat(flaky.attempts()).isEqualTo(3);
        assertThat(events.messages("flaky"))
                .filteredOn(m -> m.startsWith("attempt"))
                .hasSize(2);
    }

    @Test
    void retryGivesUpAfterMaxAttempts() throws Exception {
        Execution done = run(flow("""
                  - id: broken
                    type: io.kestra.plugin.scripts.shell.Commands
                    retry: {type: exponential, interval: PT0.05S, maxAttempts: 2}
                    commands: [exit 1]
                """), new RecordingEvents());
        assertThat(done.taskRun("broken").orElseThrow().attempts()).isEqualTo(2);
        assertThat(done.state()).isEqualTo(State.FAILED);
    }

    @Test
    void timeoutKillsTheTaskAndFailsIt() throws Exception {
        long start = System.nanoTime();
        Execution done = run(flow("""
                  - id: slow
                    type: io.kestra.plugin.scripts.shell.Commands
                    timeout: PT1S
                    commands: [sleep 60]
                """), new RecordingEvents());
        assertThat(done.taskRun("slow").orElseThrow().error()).isEqualTo("timed out after PT1S and was killed");
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void stderrOutputMakesAWarningOnlyWhenAsked() throws Exception {
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: strict
                    type: io.kestra.plugin.scripts.shell.Commands
                    warningOnStdErr: true
                    commands: [echo oops >&2]
                  - id: relaxed
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands: [echo oops >&2]
                """), events);
        assertThat(done.taskRun("strict").orElseThrow().state()).isEqualTo(State.WARNING);
        assertThat(done.taskRun("relaxed").orElseThrow().state()).isEqualTo(State.SUCCESS);
        assertThat(events.logs)
                .filteredOn(l -> "relaxed".equals(l.taskId()))
                .extracting(LogEntry::level)
                .containsExactly(LogEntry.Level.WARN);
    }

    @Test
    void failFastStopsAtTheFirstFailingCommandUnlessDisabled() throws Exception {
        var events = new RecordingEvents();
        run(flow("""
                  - id: lenient
                    type: io.kestra.plugin.scripts.shell.Commands
                    failFast: false
                    commands: [false, echo went on]
                  - id: strict
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands: [false, echo went on]
                """), events);
        assertThat(events.messages("lenient")).containsExactly("went on");
        assertThat(events.messages("strict")).containsExactly("commands exited with code 1");
    }

    @Test
    void ifRunsThenOrElseAfterRenderingTheCondition() throws Exception {
        var events = new RecordingEvents();
        String yaml = """
                id: t
                namespace: company.team
                inputs:
                  - id: loud
                    type: BOOLEAN
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ inputs.loud }}"
                    then:
                      - {id: shout, type: io.kestra.plugin.core.log.Log, message: HELLO}
                    else:
                      - {id: whisper, type: io.kestra.plugin.core.log.Log, message: hello}
                """;
        run(FlowRun.of(Flows.parse(yaml)).withInputs(Map.of("loud", "false")), events);
        assertThat(events.events).contains("start whisper").doesNotContain("start shout");
    }

    @Test
    void workingDirectoryChildrenShareFilesAndItCollectsOutputFiles() throws Exception {
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: wd
                    type: io.kestra.plugin.core.flow.WorkingDirectory
                    inputFiles:
                      seed.txt: "{{ flow.id }}"
                    outputFiles: ["*.out"]
                    tasks:
                      - id: write
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands: [cat seed.txt > shared.out]
                      - id: read
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands: [cat shared.out]
                """), events);
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(events.messages("read")).containsExactly("t");
        assertThat(done.taskRun("wd").orElseThrow().outputs().get("outputFiles").toString())
                .contains("shared.out");
    }

    @Test
    void parallelConcurrencyOfOneRunsBranchesOneAfterTheOther() throws Exception {
        Execution done = run(flow("""
                  - id: p
                    type: io.kestra.plugin.core.flow.Parallel
                    concurrent: 1
                    tasks:
                      - {id: a, type: io.kestra.plugin.scripts.shell.Commands, commands: [sleep 0.3]}
                      - {id: b, type: io.kestra.plugin.scripts.shell.Commands, commands: [sleep 0.3]}
                """), new RecordingEvents());
        TaskRun a = done.taskRun("a").orElseThrow();
        TaskRun b = done.taskRun("b").orElseThrow();
        assertThat(a.endDate().isAfter(b.startDate()) && b.endDate().isAfter(a.startDate()))
                .isFalse();
    }

    @Test
    void forEachValuesMayComeFromAnExpression() throws Exception {
        var events = new RecordingEvents();
        String yaml = """
                id: t
                namespace: company.team
                variables:
                  items: [1, 2]
                tasks:
                  - id: each
                    type: io.kestra.plugin.core.flow.ForEach
                    values: "{{ vars.items }}"
                    tasks:
                      - {id: show, type: io.kestra.plugin.core.log.Log, message: "item {{ taskrun.value }}"}
                """;
        run(yaml, events);
        assertThat(events.messages("show")).containsExactly("item 1", "item 2");
    }

    @Test
    void unknownVariableFailsTheTaskNamingTheExpressionAndLine() throws Exception {
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: greet
                    type: io.kestra.plugin.core.log.Log
                    message: "Hi {{ outputs.nope.vars.name }}"
                """), events);
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(done.taskRun("greet").orElseThrow().error())
                .isEqualTo("unknown variable 'nope' in {{ outputs.nope.vars.name }} (line 6)");
    }

    @Test
    void secretsAreRenderedForTasksButMaskedInLogsOutputsAndErrors() throws Exception {
        var events = new RecordingEvents();
        String yaml = flow("""
                  - id: use
                    type: io.kestra.plugin.scripts.shell.Commands
                    env:
                      TOKEN: "{{ secret('API_TOKEN') }}"
                    commands:
                      - echo "token is $TOKEN"
                      - printf 'split=s3cr'; sleep 0.2; printf 'et-42\\n'
                      - printf '%s' "$TOKEN" | base64
                      - echo "::{\\"outputs\\":{\\"leak\\":\\"$TOKEN\\"}}::"
                      - echo "bad $TOKEN" >&2; exit 4
                """);
        Execution done = run(FlowRun.of(Flows.parse(yaml)).withSecrets(Map.of("API_TOKEN", "s3cret-42")), events);
        assertThat(events.allText()).doesNotContain("s3cret-42").doesNotContain("czNjcmV0LTQy");
        assertThat(events.messages("use")).contains("token is ******", "split=******", "******", "bad ******");
        assertThat(done.taskRun("use").orElseThrow().outputs().toString()).doesNotContain("s3cret-42");
    }

    @Test
    void missingSecretFailsTheTaskWithOneLine() throws Exception {
        Execution done = run(flow("""
                  - id: use
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ secret('NOPE') }}"
                """), new RecordingEvents());
        assertThat(done.taskRun("use").orElseThrow().error())
                .startsWith("cannot render {{ secret('NOPE') }}: no secret named 'NOPE'");
    }

    @Test
    void missingRequiredInputIsRejectedBeforeTheRunListingTheInputs() {
        String yaml = """
                id: t
                namespace: company.team
                inputs:
                  - {id: name, type: STRING}
                  - {id: n, type: INT, defaults: 3}
                tasks:
                  - {id: a, type: io.kestra.plugin.core.log.Log, message: x}
                """;
        assertThatThrownBy(() -> run(yaml, new RecordingEvents()))
                .isInstanceOf(FlowException.class)
                .hasMessage("missing required input name; inputs: name (STRING, required), n (INT, default 3)");
    }

    @Test
    void cancelKillsTheRunningTaskAndEndsTheExecutionKilled() throws Exception {
        var events = new RecordingEvents();
        String yaml = flow("""
                  - id: long
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands: [echo started, sleep 120]
                  - {id: after, type: io.kestra.plugin.core.log.Log, message: never}
                """);
        RunningExecution running = Engine.builder(data).build().start(FlowRun.of(Flows.parse(yaml)), events);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events.messages("long").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        running.cancel();
        Execution done = running.await(Duration.ofSeconds(30));
        assertThat(done).isNotNull();
        assertThat(done.state()).isEqualTo(State.KILLED);
        assertThat(done.taskRun("long").orElseThrow().state()).isEqualTo(State.KILLED);
        assertThat(done.taskRun("after")).isEmpty();
    }

    @Test
    void pythonWithoutPython3GivesAClearError() throws Exception {
        Execution done = run(flow("""
                  - id: py
                    type: io.kestra.plugin.scripts.python.Commands
                    env: {PATH: /nonexistent}
                    commands: [python -V]
                """), new RecordingEvents());
        assertThat(done.taskRun("py").orElseThrow().error()).startsWith("python3 is not installed on this machine");
    }

    @Test
    void pythonDependenciesGoIntoAPerTaskVirtualEnvironment() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Python.onPath("python3", System.getenv("PATH")) != null, "python3 is not installed");
        var events = new RecordingEvents();
        Execution done = run(flow("""
                  - id: py
                    type: io.kestra.plugin.scripts.python.Commands
                    dependencies: [pip]
                    commands:
                      - python -c 'import sys; print(sys.prefix != sys.base_prefix)'
                """), events);
        assertThat(done.state()).as(events.allText()).isEqualTo(State.SUCCESS);
        assertThat(events.messages("py")).contains("True");
        assertThat(data.resolve("venvs"))
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("company.team.t.py-"));
    }

    @Test
    void onlyTaskRunsOneTopLevelTask() throws Exception {
        var events = new RecordingEvents();
        String yaml = flow("""
                  - {id: a, type: io.kestra.plugin.core.log.Log, message: a}
                  - {id: b, type: io.kestra.plugin.core.log.Log, message: b}
                """);
        Execution done = run(FlowRun.of(Flows.parse(yaml)).withOnlyTask("b"), events);
        assertThat(done.taskRuns()).extracting(TaskRun::taskId).containsExactly("b");
    }

    @Test
    void unknownTaskTypeFailsThatTaskClearly() throws Exception {
        Execution done = run(flow("""
                  - {id: x, type: io.kestra.plugin.fancy.Thing}
                """), new RecordingEvents());
        assertThat(done.taskRun("x").orElseThrow().error())
                .isEqualTo("the task type 'io.kestra.plugin.fancy.Thing' cannot run locally");
    }

    @Test
    void disabledFlowDoesNotStart() {
        assertThatThrownBy(() -> run("id: t\nnamespace: n\ndisabled: true\ntasks: []\n", new RecordingEvents()))
                .isInstanceOf(FlowException.class)
                .hasMessageStartingWith("the flow is disabled");
    }

    @Test
    void flowOutputThatDoesNotFitItsTypeFailsTheExecution() throws Exception {
        Execution done = run("""
                id: t
                namespace: n
                tasks:
                  - {id: a, type: io.kestra.plugin.core.log.Log, message: x}
                outputs:
                  - {id: count, type: INT, value: "many"}
                """, new RecordingEvents());
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(done.error()).isEqualTo("flow outputs: 'count' must be an integer (INT), not 'many'");
    }

    @Test
    void logLevelDropsLinesBelowItButKeepsErrors() throws Exception {
        var events = new RecordingEvents();
        run(flow("""
                  - id: quiet
                    type: io.kestra.plugin.scripts.shell.Commands
                    logLevel: WARN
                    commands: [echo info line, echo warn line >&2, exit 1]
                """), events);
        assertThat(events.messages("quiet")).containsExactly("warn line", "commands exited with code 1");
    }

    @Test
    void metricsOfTheProtocolAreKeptInTheTaskRunOutputs() throws Exception {
        Execution done = run(flow("""
                  - id: m
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo '::{"metrics":[{"name":"rows","type":"counter","value":7}]}::'
                """), new RecordingEvents());
        assertThat(done.taskRun("m").orElseThrow().outputs().get("metrics").toString())
                .contains("rows")
                .contains("7.0");
    }
}

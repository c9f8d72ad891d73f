package dev.flowbench.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.engine.Engine;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.FlowRun;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.RunEventListener;
import dev.flowbench.engine.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class HistoryTest {

    @TempDir
    Path data;

    private static final String FLOW = """
            id: recorded
            namespace: company.team
            inputs:
              - {id: who, type: STRING, defaults: Ada}
            tasks:
              - id: say
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "hi {{ inputs.who }} {{ secret('PASSWORD') }}"
                  - echo '::{"outputs":{"n":1}}::'
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: done
            """;

    @SuppressWarnings("unchecked")
    private Execution runOnce(History history) throws InterruptedException {
        Map<String, Object> flow =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(FLOW);
        return Engine.builder(data)
                .recorder(history.recorder())
                .build()
                .run(
                        FlowRun.of(flow)
                                .withSource(FLOW)
                                .withSecrets(Map.of("PASSWORD", "hunter22"))
                                .withEnvironment("dev"),
                        RunEventListener.all());
    }

    @Test
    void executionTaskRunsStatesAndMaskedLogsAreRecorded() throws Exception {
        Execution done;
        try (History history = History.open(data)) {
            done = runOnce(history);
        }
        try (History reopened = History.open(data)) {
            Execution stored = reopened.execution(done.id()).orElseThrow();
            assertThat(stored.state()).isEqualTo(State.SUCCESS);
            assertThat(stored.environment()).isEqualTo("dev");
            assertThat(stored.flowHash()).hasSize(64).isEqualTo(done.flowHash());
            assertThat(stored.inputs()).containsEntry("who", "Ada");
            assertThat(stored.taskRuns())
                    .extracting(r -> r.taskId() + " " + r.state())
                    .containsExactly("say SUCCESS", "log SUCCESS");
            assertThat(stored.taskRuns().getFirst().outputs()).containsEntry("vars", Map.of("n", 1));
            assertThat(stored.taskRuns().getFirst().duration()).isNotNull();
            List<LogEntry> logs = reopened.logs(done.id());
            assertThat(logs).extracting(LogEntry::message).containsExactly("hi Ada ******", "done");
            assertThat(reopened.states(done.id()))
                    .extracting(History.StateChange::state)
                    .containsExactly(
                            State.RUNNING, State.RUNNING, State.SUCCESS, State.RUNNING, State.SUCCESS, State.SUCCESS);
            assertThat(reopened.execution(done.id().substring(0, 6))).isPresent();
            assertThat(reopened.executions("recorded", 10))
                    .extracting(Execution::id)
                    .containsExactly(done.id());
            assertThat(reopened.executions("other", 10)).isEmpty();
        }
        String raw = new String(
                Files.readAllBytes(data.resolve("history.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("hunter22");
    }

    @Test
    void pruneKeepsTheNewestExecutionsPerFlowAndDeletesTheirFiles() throws Exception {
        try (History history = History.open(data)) {
            Execution first = runOnce(history);
            Execution second = runOnce(history);
            Execution third = runOnce(history);
            assertThat(data.resolve("runs").resolve(first.id())).isDirectory();
            assertThat(history.prune(new Retention(null, 2))).isEqualTo(1);
            assertThat(history.executions(null, 10)).extracting(Execution::id).containsExactly(third.id(), second.id());
            assertThat(history.logs(first.id())).isEmpty();
            assertThat(data.resolve("runs").resolve(first.id())).doesNotExist();
            assertThat(history.prune(new Retention(Duration.ZERO, null))).isEqualTo(2);
            assertThat(history.executions(null, 10)).isEmpty();
        }
    }

    @Test
    void twoHistoriesOnOneDatabaseRecordConcurrentRuns() throws Exception {
        try (History a = History.open(data);
                History b = History.open(data)) {
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    runOnce(b);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            runOnce(a);
            other.join();
            b.flush();
            assertThat(a.executions("recorded", 10)).hasSize(2).allMatch(e -> e.state() == State.SUCCESS);
        }
    }
}

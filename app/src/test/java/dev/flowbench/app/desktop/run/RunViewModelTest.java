package dev.flowbench.app.desktop.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.engine.Execution;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskPlan;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs, plans and history through the real engine and Process runner, without a window. */
class RunViewModelTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.builtIn();
    private static final String HELLO = """
            id: hello
            namespace: company.team
            inputs:
              - id: name
                type: STRING
                defaults: world
            tasks:
              - id: greet
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "Hello, {{ inputs.name }}!"
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: done
            """;

    @TempDir
    Path workspace;

    final ExecutorService background = Executors.newFixedThreadPool(2);
    /** Stands in for the FX thread: every property change happens here, and the test reads through it. */
    final ExecutorService ui = Executors.newSingleThreadExecutor();

    String environment;

    RunViewModel run() {
        return new RunViewModel(workspace, () -> REGISTRY, () -> environment, background, ui);
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        ui.shutdownNow();
        // The temporary workspace is deleted next: nothing may still be writing into it.
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get(10, TimeUnit.SECONDS);
    }

    void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!onUi(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aRunStreamsTaskStatesAndLogsAndLandsInTheHistory() throws Exception {
        RunViewModel run = run();
        onUi(() -> {
            run.flowChanged(HELLO);
            run.inputValue("name").set("Flowbench");
            run.run(HELLO, null);
            return null;
        });
        waitUntil(() -> !run.runningProperty().get() && run.executionProperty().get() != null);
        Execution done = onUi(() -> run.executionProperty().get());
        assertThat(done.state()).as(onUi(() -> run.messageProperty().get())).isEqualTo(State.SUCCESS);
        assertThat(onUi(() -> run.tasks().stream()
                        .map(r -> r.taskId() + "=" + r.state())
                        .toList()))
                .containsExactly("greet=SUCCESS", "log=SUCCESS");
        assertThat(onUi(() -> run.logs().stream().map(LogEntry::message).toList()))
                .contains("Hello, Flowbench!");
        assertThat(onUi(() -> run.messageProperty().get())).startsWith("Run finished SUCCESS");
        waitUntil(() -> run.pastRuns().size() == 1);
        assertThat(onUi(() -> run.pastRuns().getFirst().inputs())).containsEntry("name", "Flowbench");
        run.dispose();
    }

    @Test
    void theHistoryDatabaseOpensOnlyOnceTheHistoryIsShownAndThenFollowsTheFlow() throws Exception {
        RunViewModel run = run();
        onUi(() -> {
            run.flowChanged(HELLO);
            return null;
        });
        Thread.sleep(300);
        assertThat(workspace.resolve(".flowbench/history.db")).doesNotExist();
        onUi(() -> {
            run.historyShown();
            return null;
        });
        waitUntil(() -> Files.exists(workspace.resolve(".flowbench/history.db")));
        assertThat(onUi(() -> run.pastRuns().isEmpty())).isTrue();
        run.dispose();
    }

    @Test
    void logFiltersNarrowTheLinesByTaskLevelAndText() throws Exception {
        RunViewModel run = run();
        onUi(() -> {
            run.flowChanged(HELLO);
            run.run(HELLO, null);
            return null;
        });
        waitUntil(() -> !run.runningProperty().get() && run.executionProperty().get() != null);
        int all = onUi(() -> run.logs().size());
        onUi(() -> {
            run.taskFilterProperty().set("greet");
            return null;
        });
        assertThat(onUi(() -> run.logs().stream().allMatch(l -> "greet".equals(l.taskId()))))
                .isTrue();
        assertThat(onUi(() -> run.logs().size())).isLessThan(all);
        onUi(() -> {
            run.taskFilterProperty().set(null);
            run.textFilterProperty().set("HELLO, WORLD");
            return null;
        });
        assertThat(onUi(() -> run.logs().stream().map(LogEntry::message).toList()))
                .containsExactly("Hello, world!");
        onUi(() -> {
            run.textFilterProperty().set("");
            run.levelFilterProperty().set(LogEntry.Level.ERROR);
            return null;
        });
        assertThat(onUi(() -> run.logs())).isEmpty();
        run.dispose();
    }

    @Test
    void aFlowWithErrorsIsNotRunAndARequiredInputIsAskedFor() throws Exception {
        RunViewModel run = run();
        String broken = "id: broken\nnamespace: a\ntasks:\n  - id: x\n    type: io.kestra.plugin.core.log.Log\n";
        onUi(() -> {
            run.flowChanged(broken);
            run.run(broken, null);
            return null;
        });
        waitUntil(() ->
                !run.runningProperty().get() && !run.messageProperty().get().equals("Starting…"));
        assertThat(onUi(() -> run.messageProperty().get())).isEqualTo("The flow has 1 error; nothing was run");
        assertThat(onUi(() -> run.executionProperty().get())).isNull();

        String needsInput = "id: needs\nnamespace: a\ninputs:\n  - id: who\n    type: STRING\ntasks:\n"
                + "  - id: x\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";
        onUi(() -> {
            run.flowChanged(needsInput);
            run.run(needsInput, null);
            return null;
        });
        assertThat(onUi(() -> run.messageProperty().get())).isEqualTo("Input 'who' is required");
        assertThat(onUi(() -> run.runningProperty().get())).isFalse();
        run.dispose();
    }

    @Test
    void inputValuesAreRememberedPerFlow() throws Exception {
        RunViewModel run = run();
        String other = "id: other\nnamespace: a\ntasks: []\n";
        assertThat(onUi(() -> {
                    run.flowChanged(HELLO);
                    String initial = run.inputValue("name").get();
                    run.inputValue("name").set("typed");
                    run.flowChanged(other);
                    run.flowChanged(HELLO);
                    return List.of(initial, run.inputValue("name").get());
                }))
                .containsExactly("world", "typed");
        run.dispose();
    }

    @Test
    void stopCancelsALongRunCleanly() throws Exception {
        String slow = "id: slow\nnamespace: a\ntasks:\n  - id: sleep\n"
                + "    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - sleep 30\n";
        RunViewModel run = run();
        onUi(() -> {
            run.flowChanged(slow);
            run.run(slow, null);
            return null;
        });
        waitUntil(() -> run.tasks().stream().anyMatch(t -> t.state() == State.RUNNING));
        onUi(() -> {
            run.stop();
            return null;
        });
        waitUntil(() -> !run.runningProperty().get());
        assertThat(onUi(() -> run.executionProperty().get().state())).isEqualTo(State.KILLED);
        run.dispose();
    }

    @Test
    void aPlanInProdShowsTheKubernetesPodForTheSameFlow() throws Exception {
        Path prod = workspace.resolve("environments/prod.yaml");
        Files.createDirectories(prod.getParent());
        Files.writeString(prod, """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      taskRunner:
                        type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                        namespace: company-team
                """);
        environment = "prod";
        String flow = HELLO.replace("    commands:\n", "    containerImage: busybox:1.36\n    commands:\n");
        RunViewModel run = run();
        onUi(() -> {
            run.flowChanged(flow);
            run.plan(flow);
            return null;
        });
        waitUntil(() -> !run.plans().isEmpty());
        TaskPlan greet = onUi(() -> run.plans().getFirst());
        assertThat(greet.error()).isNull();
        assertThat(greet.plan().runner()).containsIgnoringCase("kubernetes");
        assertThat(greet.plan().render()).contains("Pod");
        assertThat(onUi(() -> run.planForProperty().get())).isEqualTo("flow hello in environment prod");
        run.dispose();
    }
}

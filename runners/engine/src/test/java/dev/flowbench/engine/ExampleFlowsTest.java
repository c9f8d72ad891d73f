package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.engine.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example workspace's flows for real with the Process runner. */
class ExampleFlowsTest {

    @TempDir
    Path data;

    History history;
    Engine engine;

    @BeforeEach
    void open() {
        history = History.open(data);
        engine = Engine.builder(data)
                .workspace(Flows.exampleWorkspace())
                .recorder(history.recorder())
                .build();
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void helloGreetsTheInputAndLogsTheGreetingOutput() throws Exception {
        var events = new RecordingEvents();
        Execution done = engine.run(Flows.example("hello.yaml").withInputs(Map.of("name", "Flowbench")), events);
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(events.messages("greet")).containsExactly("Hello, Flowbench!");
        assertThat(events.messages("log")).containsExactly("The greeting task said hello");
        assertThat(done.taskRun("greet").orElseThrow().outputs()).containsEntry("vars", Map.of("greeting", "hello"));
    }

    @Test
    void inputsAndOutputsFlowFromTaskToTaskAndIntoFlowOutputs() throws Exception {
        var events = new RecordingEvents();
        Execution done = engine.run(Flows.example("inputs-and-outputs.yaml").withInputs(Map.of("count", "2")), events);
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        assertThat(events.messages("count_letters")).containsExactly("Ada has 3 letters");
        assertThat(events.messages("repeat")).containsExactly("Hello, Ada", "Hello, Ada");
        assertThat(events.messages("report")).containsExactly("Ada repeated 2 times makes 6 letters");
        assertThat(done.outputs()).containsEntry("total", 6);
        assertThat(done.inputs()).containsEntry("count", 2).containsEntry("name", "Ada");
    }

    @Test
    void parallelBranchesOverlapAndForEachRunsOncePerValue() throws Exception {
        var events = new RecordingEvents();
        long start = System.nanoTime();
        Execution done = engine.run(Flows.example("parallel-and-foreach.yaml"), events);
        assertThat(done.state()).isEqualTo(State.SUCCESS);
        TaskRun left = done.taskRun("left").orElseThrow();
        TaskRun right = done.taskRun("right").orElseThrow();
        assertThat(left.startDate()).isBefore(right.endDate());
        assertThat(right.startDate()).isBefore(left.endDate());
        assertThat(done.taskRuns().stream()
                        .filter(r -> r.taskId().equals("paint"))
                        .map(TaskRun::value))
                .containsExactlyInAnyOrder("red", "green", "blue");
        assertThat(events.messages("summary")).containsExactly("left and right ran together; colors RED, GREEN, BLUE");
        assertThat(done.taskRun("paint").orElseThrow().parentId())
                .isEqualTo(done.taskRun("each").orElseThrow().id());
    }

    @Test
    void pythonScriptComputesOutputsWhenPython3IsInstalled() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Python.onPath("python3", System.getenv("PATH")) != null, "python3 is not installed");
        var events = new RecordingEvents();
        Execution done = engine.run(Flows.example("python-script.yaml"), events);
        assertThat(done.state()).as(events.allText()).isEqualTo(State.SUCCESS);
        assertThat(events.messages("stats")).containsExactly("8 numbers, total 31");
        assertThat(events.messages("show")).containsExactly("total 31, largest 9");
    }

    @Test
    void outputFileOfOneTaskIsReadByTheNext() throws Exception {
        var events = new RecordingEvents();
        Execution done = engine.run(Flows.example("output-file.yaml"), events);
        assertThat(done.state()).as(events.allText()).isEqualTo(State.SUCCESS);
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>)
                done.taskRun("produce").orElseThrow().outputs().get("outputFiles");
        assertThat(Files.readString(Path.of(files.get("report.csv").toString())))
                .startsWith("city,visits");
        assertThat(events.messages("consume")).containsExactly("total visits 8");
        assertThat(done.taskRun("consume").orElseThrow().outputs()).containsEntry("vars", Map.of("visits", 8));
    }

    @Test
    void failingTaskRunsTheErrorsBranchAndFinallyAndFailsTheFlow() throws Exception {
        var events = new RecordingEvents();
        Execution done = engine.run(Flows.example("failing-with-errors.yaml"), events);
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(events.events)
                .containsExactly(
                        "execution RUNNING",
                        "start prepare",
                        "end prepare SUCCESS",
                        "start fail",
                        "end fail FAILED",
                        "start alert",
                        "end alert SUCCESS",
                        "start cleanup",
                        "end cleanup SUCCESS",
                        "execution FAILED");
        assertThat(done.taskRun("fail").orElseThrow().error()).isEqualTo("commands exited with code 3");
        assertThat(events.messages("alert").getFirst()).startsWith("the flow failing_with_errors failed in execution ");
        assertThat(history.execution(done.id()).orElseThrow().state()).isEqualTo(State.FAILED);
    }
}

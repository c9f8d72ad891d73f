package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.HostConfig;
import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The runner as the engine uses it, on a real Docker engine: configuration in, events and results out. */
@Timeout(120)
class DockerRunnerEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void seedDevEnvironmentRunsTheExampleShellTaskWithItsLimits() throws Exception {
        TestEngine.engine();
        // environments/dev.yaml of the example workspace, as pluginDefaults hand it to the runner.
        DockerRunner runner = runner(
                Map.of("pullPolicy", "IF_NOT_PRESENT", "cpu", Map.of("cpus", 1), "memory", Map.of("memory", "512Mi")));
        AtomicReference<HostConfig> limits = new AtomicReference<>();
        RecordingListener recorder = new RecordingListener();
        RunListener listener = new RunListener() {
            @Override
            public void started(RunRequest request, Map<String, String> details) {
                // Inspected while the run is on: the container exists and is about to start.
                limits.set(TestEngine.client()
                        .inspectContainerCmd(details.get("containerId"))
                        .exec()
                        .getHostConfig());
                recorder.started(request, details);
            }

            @Override
            public void log(dev.flowbench.runner.LogLine line) {
                recorder.log(line);
            }

            @Override
            public void finished(RunResult result) {
                recorder.finished(result);
            }
        };
        RunRequest request = request("echo \"Hello, world!\"", "echo '::{\"outputs\":{\"greeting\":\"hello\"}}::'");
        RunResult result = runner.run(request, listener).await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(recorder.stdout()).containsExactly("Hello, world!");
        assertThat(result.outputs()).containsEntry("greeting", "hello");
        assertThat(limits.get().getMemory()).isEqualTo(512L * 1024 * 1024);
        assertThat(limits.get().getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(TestEngine.containersOf(request.identity().executionId())).isEmpty();
    }

    @Test
    void anOutOfMemoryKillIsExplainedOnStderrWithExit137() throws Exception {
        TestEngine.engine();
        DockerRunner runner = runner(Map.of("memory", Map.of("memory", "64Mi", "memorySwap", "64Mi")));
        RecordingListener listener = new RecordingListener();
        RunResult result = runner.run(request("head -c 300000000 /dev/zero | tail -c 200000000 > /dev/null"), listener)
                .await(WAIT);
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.killed()).isFalse();
        assertThat(result.details()).containsEntry("oomKilled", "true");
        assertThat(listener.stderr()).contains("killed: out of memory (limit 64Mi)");
    }

    @Test
    void anUnreachableEngineFailsTheRunWithOneLine() throws Exception {
        String socket = "unix://" + temp.resolve("no-engine.sock");
        RecordingListener listener = new RecordingListener();
        RunRequest request = request("echo never");
        assertThatThrownBy(() ->
                        runner(Map.of("host", socket)).run(request, listener).await(WAIT))
                .isInstanceOf(RunnerException.class)
                .hasMessageStartingWith("cannot reach Docker at " + socket + ": ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
        assertThat(listener.events()).containsExactly("failed");
    }

    @Test
    void aMissingImageWithPullPolicyNeverFailsTheRunWithOneLine() throws Exception {
        TestEngine.engine();
        RecordingListener listener = new RecordingListener();
        RunRequest request = request("echo never").withContainerImage("local/flowbench-missing:0");
        assertThatThrownBy(() -> runner(Map.of("pullPolicy", "NEVER"))
                        .run(request, listener)
                        .await(WAIT))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("image 'local/flowbench-missing:0' is not on the Docker engine")
                .hasMessageContaining("pullPolicy is NEVER");
        assertThat(listener.events()).containsExactly("failed");
    }

    @Test
    void aTaskWithoutContainerImageIsRefusedBeforeAnythingRuns() {
        RecordingListener listener = new RecordingListener();
        RunRequest request = request("echo never").withContainerImage(null);
        assertThatThrownBy(() -> runner(Map.of()).run(request, listener))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Docker runner needs containerImage on the task");
        assertThat(listener.events()).containsExactly("failed");
    }

    private RunRequest request(String... lines) {
        String id = UUID.randomUUID().toString();
        Path work = temp.resolve(id).resolve("work");
        Path out = temp.resolve(id).resolve("out");
        try {
            Files.createDirectories(work);
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        TaskIdentity identity = new TaskIdentity("company.team", "hello", "exec-" + id, "greet", id, 1);
        return RunRequest.of(identity, RunCommand.shell(lines), work, out).withContainerImage(TestEngine.IMAGE);
    }

    private static DockerRunner runner(Map<String, Object> properties) {
        return JsonMapper.builder().build().convertValue(new HashMap<>(properties), DockerRunner.class);
    }
}

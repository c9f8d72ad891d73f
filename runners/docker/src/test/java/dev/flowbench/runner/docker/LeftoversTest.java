package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import dev.flowbench.runner.RunnerException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Start-up clean-up on a real engine: what a Flowbench process that ended left goes, what may be in use stays. */
@Timeout(120)
class LeftoversTest {

    private final String execution = "leftovers-" + UUID.randomUUID();
    private boolean used;

    @TempDir
    Path temp;

    /** The owner labels of a process that ran on this machine and has ended, as a crashed Flowbench would leave. */
    static Owner endedOwner() throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        Owner owner = Owner.of(process.toHandle());
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return owner;
    }

    @AfterEach
    void removeWhatATestLeft() {
        if (used) {
            TestEngine.containersOf(execution)
                    .forEach(c -> TestEngine.client()
                            .removeContainerCmd(c.getId())
                            .withForce(true)
                            .withRemoveVolumes(true)
                            .exec());
            TestEngine.volumesOf(execution)
                    .forEach(v ->
                            TestEngine.client().removeVolumeCmd(v.getName()).exec());
        }
    }

    @Test
    void createdExitedAndRunningContainersAndVolumesOfAnEndedProcessAreRemoved() throws Exception {
        Map<String, String> labels = labels(endedOwner().labels());
        container(labels, State.CREATED);
        container(labels, State.EXITED);
        container(labels, State.RUNNING);
        volume(labels);

        assertThat(DockerRunner.removeLeftovers(null)).isGreaterThanOrEqualTo(4);

        assertThat(TestEngine.containersOf(execution)).isEmpty();
        assertThat(TestEngine.volumesOf(execution)).isEmpty();
    }

    @Test
    void whatALiveProcessAnotherMachineOrNobodyKnownOwnsStays() throws Exception {
        Owner ended = endedOwner();
        String live = container(labels(Owner.current().labels()), State.EXITED);
        String remote = container(
                labels(new Owner("elsewhere." + ended.host(), ended.pid(), ended.started()).labels()), State.EXITED);
        String unknown = container(labels(Map.of()), State.EXITED);
        volume(labels(Owner.current().labels()));

        DockerRunner.removeLeftovers(null);

        assertThat(TestEngine.containersOf(execution))
                .extracting(Container::getId)
                .containsExactlyInAnyOrder(live, remote, unknown);
        assertThat(TestEngine.volumesOf(execution)).hasSize(1);
    }

    @Test
    void aWaitFalseContainerStaysWhileItRunsEvenAfterItsProcessEnded() throws Exception {
        Map<String, String> labels = labels(endedOwner().labels());
        labels.put(Leftovers.DETACHED_LABEL, "true");
        String running = container(labels, State.RUNNING);
        String exited = container(labels, State.EXITED);

        DockerRunner.removeLeftovers(null);

        assertThat(TestEngine.containersOf(execution))
                .extracting(Container::getId)
                .containsExactly(running)
                .doesNotContain(exited);
    }

    @Test
    void anUnreachableEngineIsOneLine() {
        String socket = "unix://" + temp.resolve("no-engine.sock");
        assertThatThrownBy(() -> DockerRunner.removeLeftovers(socket))
                .isInstanceOf(RunnerException.class)
                .hasMessageStartingWith("cannot reach Docker at " + socket + ": ")
                .hasMessageNotContaining("\n");
    }

    private enum State {
        CREATED,
        EXITED,
        RUNNING
    }

    private Map<String, String> labels(Map<String, String> owner) {
        Map<String, String> labels = new HashMap<>(owner);
        labels.put(TestEngine.LABEL, execution);
        return labels;
    }

    private String container(Map<String, String> labels, State state) {
        TestEngine.engine();
        used = true;
        String id = TestEngine.client()
                .createContainerCmd(TestEngine.IMAGE)
                .withCmd(state == State.RUNNING ? List.of("sleep", "300") : List.of("true"))
                .withLabels(labels)
                .withHostConfig(
                        HostConfig.newHostConfig().withNetworkMode("none").withInit(true))
                .exec()
                .getId();
        if (state != State.CREATED) {
            TestEngine.client().startContainerCmd(id).exec();
        }
        if (state == State.EXITED) {
            TestEngine.client()
                    .waitContainerCmd(id)
                    .exec(new com.github.dockerjava.api.command.WaitContainerResultCallback())
                    .awaitStatusCode(60, TimeUnit.SECONDS);
        }
        return id;
    }

    private void volume(Map<String, String> labels) {
        TestEngine.engine();
        used = true;
        TestEngine.client().createVolumeCmd().withLabels(labels).exec();
    }
}

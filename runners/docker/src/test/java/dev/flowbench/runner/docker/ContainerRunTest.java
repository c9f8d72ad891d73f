package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

@Timeout(120)
class ContainerRunTest {

    @TempDir
    Path temp;

    private final String execution = "test-" + UUID.randomUUID();
    private final Recorder output = new Recorder();
    private final Map<String, String> labels = new HashMap<>(Map.of(TestEngine.LABEL, execution));

    @AfterEach
    void removeWhatATestLeft() {
        if (TestEngineState.used) {
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
    void stdoutAndStderrArriveApartWithTheExitCode() throws Exception {
        ContainerRun.Outcome outcome = run(Map.of(), "echo out", "echo err >&2", "exit 3");
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.killed()).isFalse();
        assertThat(output.stdout()).isEqualTo("out\n");
        assertThat(output.stderr()).isEqualTo("err\n");
    }

    @Test
    void aContainerThatExitsAtOnceLosesNoLine() throws Exception {
        run(Map.of(), "seq 1 20000");
        assertThat(output.stdout().lines().toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20000)
                        .mapToObj(Integer::toString)
                        .toList());
    }

    @Test
    void containerAndVolumeAreRemovedAfterTheRun() throws Exception {
        ContainerRun.Outcome outcome = run(Map.of(), "true");
        assertThat(outcome.containerId()).isNotBlank();
        assertThat(TestEngine.containersOf(execution)).isEmpty();
        assertThat(TestEngine.volumesOf(execution)).isEmpty();
    }

    @Test
    void withDeleteFalseTheContainerStaysAndShowsItsLimitsAndLabels() throws Exception {
        ContainerRun.Outcome outcome = run(
                Map.of(
                        "delete",
                        false,
                        "cpu",
                        Map.of("cpus", 0.5),
                        "memory",
                        Map.of("memory", "64Mi", "memorySwap", "128m", "memoryReservation", "32MB"),
                        "shmSize",
                        "16m"),
                "true");
        InspectContainerResponse inspect =
                TestEngine.client().inspectContainerCmd(outcome.containerId()).exec();
        HostConfig host = inspect.getHostConfig();
        assertThat(host.getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(128L * 1024 * 1024);
        assertThat(host.getMemoryReservation()).isEqualTo(32L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getShmSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(inspect.getConfig().getLabels()).containsEntry(TestEngine.LABEL, execution);
        assertThat(TestEngine.volumesOf(execution)).hasSize(2);
    }

    @Test
    void leftoversOfARunWhoseProcessEndedAreFoundByTheirLabelsAndRemoved() throws Exception {
        Owner ended = LeftoversTest.endedOwner();
        labels.putAll(ended.labels());
        ContainerRun.Outcome outcome = run(Map.of("delete", false), "true");
        assertThat(TestEngine.containersOf(execution)).hasSize(1);
        assertThat(TestEngine.volumesOf(execution)).hasSize(2);
        assertThat(DockerRunner.removeLeftovers(null)).isGreaterThanOrEqualTo(1);
        assertThat(TestEngine.containersOf(execution)).isEmpty();
        assertThat(TestEngine.volumesOf(execution)).isEmpty();
        assertThat(outcome.containerId()).isNotBlank();
    }

    @Test
    void containersKeptWithDeleteFalseByALiveProcessAreNoLeftovers() throws Exception {
        labels.putAll(Owner.current().labels());
        run(Map.of("delete", false), "true");
        DockerRunner.removeLeftovers(null);
        assertThat(TestEngine.containersOf(execution)).hasSize(1);
        assertThat(TestEngine.volumesOf(execution)).hasSize(2);
    }

    @Test
    void aContainerOverItsMemoryLimitIsReportedOutOfMemoryWithExit137() throws Exception {
        ContainerRun.Outcome outcome = run(
                Map.of("memory", Map.of("memory", "16Mi", "memorySwap", "16Mi")),
                "head -c 200000000 /dev/zero | tail -c 100000000 > /dev/null");
        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(outcome.oomKilled()).isTrue();
        assertThat(output.stderr()).contains("killed: out of memory (limit 16Mi)");
    }

    @Test
    void cancelSendsSigtermFirstSoTheScriptCanStopCleanly() throws Exception {
        ContainerRun run = prepare(
                Map.of("killGracePeriod", "PT30S"),
                "trap 'echo stopping; exit 143' TERM",
                "echo ready",
                "while true; do sleep 0.1; done");
        Thread canceller = Thread.ofVirtual().start(() -> {
            output.awaitStdout("ready");
            run.cancel();
        });
        long start = System.nanoTime();
        ContainerRun.Outcome outcome = run.call();
        canceller.join();
        assertThat(outcome.killed()).isTrue();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(143);
        assertThat(output.stdout()).isEqualTo("ready\nstopping\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void aScriptIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
        ContainerRun run = prepare(
                Map.of("killGracePeriod", "PT1S"), "trap '' TERM", "echo ready", "while true; do sleep 0.1; done");
        Thread canceller = Thread.ofVirtual().start(() -> {
            output.awaitStdout("ready");
            run.cancel();
        });
        long start = System.nanoTime();
        ContainerRun.Outcome outcome = run.call();
        canceller.join();
        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(outcome.killed()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(TestEngine.containersOf(execution)).isEmpty();
        assertThat(TestEngine.volumesOf(execution)).isEmpty();
    }

    @Test
    void awaitingTheRemovalsAlsoAwaitsARunThatIsStillStopping() throws Exception {
        ContainerRun run = prepare(
                Map.of("killGracePeriod", "PT1S"), "trap '' TERM", "echo ready", "while true; do sleep 0.1; done");
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                run.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        output.awaitStdout("ready");
        // As Ctrl+C does: the run is asked to stop, and the process waits for the clean-up before it exits.
        run.cancel();
        assertThat(Removals.await(Duration.ofSeconds(60))).isTrue();
        assertThat(TestEngine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(TestEngine.LABEL, execution))
                        .exec())
                .isEmpty();
        runner.join();
    }

    @Test
    void timeoutStopsTheContainer() throws Exception {
        ContainerRun run = prepare(Map.of("killGracePeriod", "PT0S"), Duration.ofSeconds(1), "sleep 300");
        ContainerRun.Outcome outcome = run.call();
        assertThat(outcome.killed()).isTrue();
        assertThat(outcome.timedOut()).isTrue();
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void cancelledBeforeTheStartTheContainerNeverRuns() throws Exception {
        ContainerRun run = prepare(Map.of(), "echo ran");
        run.cancel();
        ContainerRun.Outcome outcome = run.call();
        assertThat(outcome.killed()).isTrue();
        assertThat(output.stdout()).isEmpty();
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void volumeStrategyCopiesFilesInAndMatchingFilesOutEvenForAnotherUser() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(work.resolve("in put.txt"), "from the host\n");
        ContainerRun.Outcome outcome = run(
                Map.of("user", "nobody"),
                work,
                out,
                List.of("out dir/*.txt"),
                "id -un",
                "cat 'in put.txt'",
                "mkdir 'out dir' && echo result > 'out dir/result file.txt' && echo skip > 'out dir/skip.md'",
                "echo side > " + TaskFiles.OUTPUT_DIR + "/side.txt");
        assertThat(outcome.exitCode()).as(output.stderr()).isZero();
        assertThat(output.stdout()).isEqualTo("nobody\nfrom the host\n");
        assertThat(work.resolve("out dir/result file.txt")).hasContent("result");
        assertThat(work.resolve("out dir/skip.md")).doesNotExist();
        assertThat(out.resolve("side.txt")).hasContent("side");
        assertThat(TestEngine.volumesOf(execution)).isEmpty();
    }

    @Test
    void volumeStrategyWithNothingToCopyInStillBringsFilesBack() throws Exception {
        Path work = Files.createDirectories(temp.resolve("empty work"));
        Path out = Files.createDirectories(temp.resolve("empty out"));
        ContainerRun.Outcome outcome = run(
                Map.of(),
                work,
                out,
                List.of("*.csv"),
                "pwd",
                "echo a,b > table.csv",
                "echo side > " + TaskFiles.OUTPUT_DIR + "/side.txt");
        assertThat(outcome.exitCode()).as(output.stderr()).isZero();
        assertThat(output.stdout()).isEqualTo(TaskFiles.WORKING_DIR + "\n");
        assertThat(work.resolve("table.csv")).hasContent("a,b");
        assertThat(out.resolve("side.txt")).hasContent("side");
    }

    @Test
    void volumeStrategyCopiesNothingWhenThereIsNothingToCopy() throws Exception {
        long since = Instant.now().getEpochSecond() - 1;
        ContainerRun.Outcome outcome =
                run(Map.of(), Files.createDirectories(temp.resolve("w")), temp.resolve("o"), List.of(), "echo quiet");
        assertThat(outcome.exitCode()).isZero();
        // Each copy through the archive API costs a helper process on the engine, and shows as an event.
        assertThat(eventsOf(outcome.containerId(), since)).contains("start").doesNotContain("archive-path");
    }

    @Test
    void volumeStrategyBringsBackWhatTheCommandsWroteToTheOutputDirectory() throws Exception {
        long since = Instant.now().getEpochSecond() - 1;
        Path out = Files.createDirectories(temp.resolve("o"));
        ContainerRun.Outcome outcome = run(
                Map.of(),
                Files.createDirectories(temp.resolve("w")),
                out,
                List.of(),
                "mkdir -p " + TaskFiles.OUTPUT_DIR + "/deep/er",
                "echo nested > " + TaskFiles.OUTPUT_DIR + "/deep/er/file.txt");
        assertThat(outcome.exitCode()).isZero();
        assertThat(out.resolve("deep/er/file.txt")).hasContent("nested");
        assertThat(eventsOf(outcome.containerId(), since)).containsOnlyOnce("archive-path");
    }

    @Test
    void mountStrategyBindsDirectoriesWhosePathsHaveSpaces() throws Exception {
        Path work = Files.createDirectories(temp.resolve("my work dir"));
        Path out = Files.createDirectories(temp.resolve("my out dir"));
        Files.writeString(work.resolve("in put.txt"), "mounted\n");
        ContainerRun.Outcome outcome = run(
                Map.of("fileHandlingStrategy", "MOUNT"),
                work,
                out,
                List.of(),
                "cat 'in put.txt'",
                "echo written > 'new file.txt'",
                "echo side > " + TaskFiles.OUTPUT_DIR + "/side.txt");
        assertThat(outcome.exitCode()).as(output.stderr()).isZero();
        assertThat(output.stdout()).isEqualTo("mounted\n");
        assertThat(work.resolve("new file.txt")).hasContent("written");
        assertThat(out.resolve("side.txt")).hasContent("side");
    }

    @Test
    void pullPolicyNeverFailsClearlyWhenTheImageIsMissing() {
        TestEngine.engine();
        assertThatThrownBy(() -> run(Map.of("pullPolicy", "NEVER"), "local/flowbench-missing:0", "true"))
                .isInstanceOf(ContainerRun.Failure.class)
                .hasMessageStartingWith("image 'local/flowbench-missing:0' is not on the Docker engine at ")
                .hasMessageEndingWith("and pullPolicy is NEVER; pull or build it first");
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void pullPolicyIfNotPresentUsesThePresentImageWithoutPulling() throws Exception {
        // No registry is reachable from the test engine: a pull would fail.
        assertThat(run(Map.of("pullPolicy", "IF_NOT_PRESENT"), "echo local").exitCode())
                .isZero();
        assertThat(output.stdout()).isEqualTo("local\n");
    }

    @Test
    void pullPolicyIfNotPresentPullsAMissingImage() {
        TestEngine.engine();
        // No registry is reachable from the test engine: the failed pull proves it was attempted.
        assertThatThrownBy(() -> run(Map.of("pullPolicy", "IF_NOT_PRESENT"), "local/flowbench-missing:0", "true"))
                .isInstanceOf(ContainerRun.Failure.class)
                .hasMessageStartingWith("cannot pull image 'local/flowbench-missing:0': ")
                .hasMessageNotContaining("\n");
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void aCreateRefusedForSomethingElseMissingIsNotTakenForAMissingImage() throws Exception {
        TestEngine.engine();
        TestEngineState.used = true;
        DockerSettings settings = settings(Map.of());
        // The engine answers "not found" for the volume plugin, as it would for a missing image.
        Mount unknownDriver = new Mount()
                .withType(MountType.VOLUME)
                .withSource("flowbench-test-" + UUID.randomUUID())
                .withTarget("/data")
                .withVolumeOptions(
                        new VolumeOptions().withDriverConfig(new Driver().withName("flowbench-no-such-driver")));
        ContainerSpec spec = new ContainerSpec(
                TestEngine.IMAGE,
                List.of("true"),
                Map.of(),
                labels(),
                TaskFiles.WORKING_DIR,
                List.of(unknownDriver),
                settings);
        ContainerRun run =
                new ContainerRun(TestEngine.engine(), spec, TaskFiles.mounted(temp, temp), null, null, output);
        assertThatThrownBy(run::call)
                .isInstanceOf(ContainerRun.Failure.class)
                .hasMessageStartingWith("cannot create the container: ")
                .hasMessageContaining("flowbench-no-such-driver");
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void pullPolicyAlwaysPullsEvenAPresentImage() {
        TestEngine.engine();
        // The image exists locally; ALWAYS still asks a registry, which proves the pull is attempted.
        assertThatThrownBy(() -> run(Map.of("pullPolicy", "ALWAYS"), "echo never"))
                .isInstanceOf(ContainerRun.Failure.class)
                .hasMessageStartingWith("cannot pull image '" + TestEngine.IMAGE + "': ")
                .hasMessageNotContaining("\n");
        assertThat(output.stdout()).isEmpty();
    }

    @Test
    void waitFalseEndsOnceTheContainerRunsAndLeavesItRunning() throws Exception {
        ContainerRun.Outcome outcome = run(Map.of("wait", false), "sleep 300");
        assertThat(outcome.exitCode()).isZero();
        assertThat(TestEngine.client()
                        .inspectContainerCmd(outcome.containerId())
                        .exec()
                        .getState()
                        .getRunning())
                .isTrue();
    }

    @Test
    void aMissingInterpreterEndsWithExit127AndItsName() throws Exception {
        TestEngine.engine();
        TestEngineState.used = true;
        DockerSettings settings = settings(Map.of());
        Path work = Files.createDirectories(temp.resolve("w"));
        Path out = Files.createDirectories(temp.resolve("o"));
        TaskFiles files = files(settings, work, out, List.of());
        ContainerSpec spec = new ContainerSpec(
                TestEngine.IMAGE,
                List.of("flowbench-no-such-interpreter", "-c", "true"),
                Map.of(),
                labels(),
                TaskFiles.WORKING_DIR,
                files.mounts(),
                settings);
        ContainerRun.Outcome outcome = new ContainerRun(TestEngine.engine(), spec, files, null, null, output).call();
        // The engine's init reports it, as the container's own stderr.
        assertThat(outcome.exitCode()).isEqualTo(127);
        assertThat(output.stderr()).contains("flowbench-no-such-interpreter");
        assertThat(TestEngine.containersOf(execution)).isEmpty();
    }

    @Test
    void anUnreachableEngineIsOneClearLine() throws Exception {
        DockerEngine nowhere = DockerEngine.at("unix://" + temp.resolve("no-engine.sock"));
        DockerSettings settings = settings(Map.of());
        ContainerSpec spec = new ContainerSpec(
                TestEngine.IMAGE, List.of("true"), Map.of(), labels(), TaskFiles.WORKING_DIR, List.of(), settings);
        TaskFiles files = TaskFiles.mounted(temp, temp);
        assertThatThrownBy(() -> new ContainerRun(nowhere, spec, files, null, null, output).call())
                .isInstanceOf(ContainerRun.Failure.class)
                .hasMessageStartingWith("cannot reach Docker at unix://" + temp.resolve("no-engine.sock") + ": ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private ContainerRun.Outcome run(Map<String, Object> runner, String... script) throws Exception {
        return prepare(runner, null, script).call();
    }

    private ContainerRun.Outcome run(Map<String, Object> runner, String image, String script) throws Exception {
        TestEngine.engine();
        TestEngineState.used = true;
        DockerSettings settings = settings(runner);
        Path work = Files.createDirectories(temp.resolve("w"));
        Path out = Files.createDirectories(temp.resolve("o"));
        TaskFiles files = files(settings, work, out, List.of());
        ContainerSpec spec = new ContainerSpec(
                image,
                List.of("/bin/sh", "-c", script),
                Map.of(),
                labels(),
                TaskFiles.WORKING_DIR,
                files.mounts(),
                settings);
        return new ContainerRun(TestEngine.engine(), spec, files, null, null, output).call();
    }

    private ContainerRun.Outcome run(
            Map<String, Object> runner, Path work, Path out, List<String> globs, String... script) throws Exception {
        TestEngine.engine();
        TestEngineState.used = true;
        DockerSettings settings = settings(runner);
        TaskFiles files = files(settings, work, out, globs);
        return new ContainerRun(TestEngine.engine(), spec(settings, files, script), files, null, null, output).call();
    }

    private ContainerRun prepare(Map<String, Object> runner, String... script) throws Exception {
        return prepare(runner, null, script);
    }

    private ContainerRun prepare(Map<String, Object> runner, Duration timeout, String... script) throws Exception {
        TestEngine.engine();
        TestEngineState.used = true;
        Map<String, Object> withNetwork = new HashMap<>(runner);
        withNetwork.putIfAbsent("networkMode", "none");
        DockerSettings settings = settings(withNetwork);
        Path work = Files.createDirectories(temp.resolve("work-" + UUID.randomUUID()));
        Path out = Files.createDirectories(temp.resolve("out-" + UUID.randomUUID()));
        TaskFiles files = files(settings, work, out, List.of());
        return new ContainerRun(TestEngine.engine(), spec(settings, files, script), files, null, timeout, output);
    }

    private TaskFiles files(DockerSettings settings, Path work, Path out, List<String> globs) {
        return settings.fileHandling() == DockerRunner.FileHandlingStrategy.MOUNT
                ? TaskFiles.mounted(work, out)
                : new VolumeFiles(settings.user() != null, labels(), work, out, globs);
    }

    private ContainerSpec spec(DockerSettings settings, TaskFiles files, String... script) {
        return new ContainerSpec(
                TestEngine.IMAGE,
                List.of("/bin/sh", "-c", String.join("\n", script)),
                Map.of(),
                labels(),
                TaskFiles.WORKING_DIR,
                files.mounts(),
                settings);
    }

    private Map<String, String> labels() {
        return labels;
    }

    private static DockerSettings settings(Map<String, Object> runner) {
        return DockerSettings.of(JsonMapper.builder().build().convertValue(runner, DockerRunner.class));
    }

    /** The actions the engine reported for the container since {@code since} (epoch seconds), in order. */
    private static List<String> eventsOf(String containerId, long since) throws InterruptedException {
        List<String> actions = new CopyOnWriteArrayList<>();
        TestEngine.client()
                .eventsCmd()
                .withSince(Long.toString(since))
                .withUntil(Long.toString(Instant.now().getEpochSecond() + 1))
                .withContainerFilter(containerId)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        actions.add(event.getAction());
                    }
                })
                .awaitCompletion(30, TimeUnit.SECONDS);
        return actions;
    }

    /** Whether a test touched the engine, so that clean-up does not skip tests that need none. */
    private static final class TestEngineState {
        static volatile boolean used;
    }

    /** Keeps what the container wrote, per stream. */
    private static final class Recorder implements ContainerRun.Output {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        @Override
        public synchronized void write(boolean toStderr, byte[] bytes) {
            (toStderr ? stderr : stdout).writeBytes(bytes);
            notifyAll();
        }

        synchronized String stdout() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return stderr.toString(StandardCharsets.UTF_8);
        }

        synchronized void awaitStdout(String text) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!stdout().contains(text) && System.nanoTime() < deadline) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

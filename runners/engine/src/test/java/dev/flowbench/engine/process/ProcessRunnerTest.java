package dev.flowbench.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.runner.TaskRunnerContract;
import dev.flowbench.schema.plugin.Plugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest extends TaskRunnerContract {

    @Override
    protected TaskRunner runner() {
        return new ProcessRunner(Duration.ofSeconds(2));
    }

    @Override
    protected void assertNoLeftovers(RunRequest request, RunResult result) throws Exception {
        String marker = "FLOWBENCH_CONTRACT_RUN=" + request.env().get("FLOWBENCH_CONTRACT_RUN");
        assertThat(processesWithEnv(marker))
                .as("processes of the run still alive")
                .isEmpty();
    }

    @Test
    void cancelStopsABackgroundChildThatIgnoresTheParentsDeath() throws Exception {
        RunRequest request = request("(trap '' HUP; exec sleep 301) &", "echo child=$!", "sleep 300");
        var listener = new RecordingListener();
        RunHandle handle = runner().run(request, listener);
        assertThat(listener.awaitLine(line -> line.startsWith("child="), WAIT)).isTrue();
        long child = Long.parseLong(listener.stdout().getFirst().substring("child=".length()));
        assertThat(ProcessHandle.of(child)).isPresent();
        handle.cancel();
        RunResult result = handle.await(WAIT);
        assertThat(result.killed()).isTrue();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertNoLeftovers(request, result);
    }

    @Test
    void childThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        RunRequest request = request("trap '' TERM", "echo ready", "sleep 300 & wait");
        var listener = new RecordingListener();
        RunHandle handle = new ProcessRunner(Duration.ofMillis(500)).run(request, listener);
        assertThat(listener.awaitLine("ready"::equals, WAIT)).isTrue();
        handle.cancel();
        RunResult result = handle.await(WAIT);
        assertThat(result.killed()).isTrue();
        assertNoLeftovers(request, result);
    }

    @Test
    void backgroundChildStillRunningWhenTheTaskEndsIsStopped() throws Exception {
        RunRequest request = request("sleep 300 > /dev/null 2>&1 &", "echo done");
        RunResult result = runner().run(request, new RecordingListener()).await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertNoLeftovers(request, result);
    }

    @Test
    void backgroundChildHoldingTheOutputIsStoppedWhenTheTaskEnds() throws Exception {
        RunRequest request = request("sleep 300 &", "echo done");
        var listener = new RecordingListener();
        long start = System.nanoTime();
        RunResult result = runner().run(request, listener).await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("done");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the run ends with its main process, not with the child")
                .isLessThan(Duration.ofSeconds(60));
        assertNoLeftovers(request, result);
    }

    @Test
    void processOutsideTheGroupHoldingTheOutputDoesNotHangTheRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Executables.setsid() != null, "needs the setsid program");
        RunRequest request = request("setsid sleep 120 &", "echo done");
        var listener = new RecordingListener();
        try {
            RunResult result = new ProcessRunner(Duration.ofMillis(200))
                    .run(request, listener)
                    .await(WAIT);
            assertThat(result.exitCode()).isZero();
            assertThat(listener.stdout()).containsExactly("done");
        } finally {
            String marker = "FLOWBENCH_CONTRACT_RUN=" + request.env().get("FLOWBENCH_CONTRACT_RUN");
            processesWithEnv(marker).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void runAndWaitReadsTheRunOnTheCallingThreadAndHandsOverItsHandle() throws Exception {
        var listener = new RecordingListener();
        var handle = new java.util.concurrent.atomic.AtomicReference<RunHandle>();
        RunResult result = runner().runAndWait(
                        request("echo hi", "echo oops >&2", "echo '::{\"outputs\":{\"n\":1}}::'", "exit 3"),
                        listener,
                        handle::set);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.outputs()).containsEntry("n", 1);
        assertThat(listener.stdout()).containsExactly("hi");
        assertThat(listener.stderr()).containsExactly("oops");
        assertThat(handle.get()).isNotNull();
        assertThat(handle.get().result().toCompletableFuture().getNow(null)).isEqualTo(result);
    }

    @Test
    void cancellingTheHandedOverHandleStopsARunBeingWaitedFor() throws Exception {
        RunRequest request = request("echo ready", "sleep 300");
        var listener = new RecordingListener();
        var handle = new java.util.concurrent.CompletableFuture<RunHandle>();
        var waited = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return runner().runAndWait(request, listener, handle::complete);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                },
                java.util.concurrent.Executors.newSingleThreadExecutor());
        assertThat(listener.awaitLine("ready"::equals, WAIT)).isTrue();
        handle.get().cancel();
        RunResult result = waited.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.killed()).isTrue();
        assertNoLeftovers(request, result);
    }

    @Test
    void interruptingTheWaitingThreadCancelsTheRun() throws Exception {
        RunRequest request = request("echo ready", "sleep 300");
        var listener = new RecordingListener();
        var thrown = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                runner().runAndWait(request, listener, h -> {});
                thrown.complete(null);
            } catch (Throwable e) {
                thrown.complete(e);
            }
        });
        assertThat(listener.awaitLine("ready"::equals, WAIT)).isTrue();
        waiter.interrupt();
        assertThat(thrown.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(InterruptedException.class);
        assertNoLeftovers(request, null);
    }

    @Test
    void runAndWaitOnAVirtualThreadWorksToo() throws Exception {
        var listener = new RecordingListener();
        var result = new java.util.concurrent.CompletableFuture<RunResult>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(runner().runAndWait(request("echo virtual"), listener, h -> {}));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        assertThat(result.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                        .exitCode())
                .isZero();
        assertThat(listener.stdout()).containsExactly("virtual");
    }

    @Test
    void detailsNameTheProcessId() throws Exception {
        var listener = new RecordingListener();
        RunResult result = runner().run(request("echo $$"), listener).await(WAIT);
        assertThat(result.details()).containsKey("pid");
        assertThat(listener.startDetails())
                .containsEntry("pid", result.details().get("pid"));
    }

    @Test
    void runnerIsDocumentedAsKestrasProcessRunnerWithAnIcon() {
        Plugin plugin = ProcessRunner.class.getAnnotation(Plugin.class);
        assertThat(plugin.id()).isEqualTo("io.kestra.plugin.core.runner.Process");
        assertThat(plugin.examples()).isNotEmpty();
        assertThat(ProcessRunner.class.getClassLoader().getResource(plugin.icon()))
                .isNotNull();
        assertThat(new ProcessRunner().killGracePeriod()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void scriptAndEnvTravelThroughFilesIntactWhenThePlatformEncodingCannotCarryThem() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request(
                        "echo 'héllo ✓'", "printf '%s\\n' \"$UNICODE\"", "echo \"$FLOWBENCH_CONTRACT_RUN\" | wc -c")
                .withEnv("UNICODE", "it's wörld ✓");
        RunResult result =
                ProcessRun.start(request, listener, Duration.ofSeconds(1), true).await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("héllo ✓", "it's wörld ✓", "37");
    }

    @Test
    void onLinuxProcessesStartNativelyInTheirOwnSession() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "Linux only");
        assertThat(NativeSpawned.available())
                .as("posix_spawn through the FFM API")
                .isTrue();
        var listener = new RecordingListener();
        RunResult result = runner().run(request("cut -d' ' -f6 /proc/$$/stat", "echo $$"), listener)
                .await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout().get(0).strip()).isEqualTo(listener.stdout().get(1));
        assertThat(runner().plan(request("true")).render()).contains("posix_spawn");
    }

    @Test
    void commandsInheritOnlyStdinStdoutAndStderrFromFlowbench() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                NativeSpawned.available() && Libc.ACTIONS_ADDCLOSEFROM != null, "native start with closefrom only");
        var listener = new RecordingListener();
        RunResult result = runner().run(request("ls /proc/$$/fd"), listener).await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("0", "1", "2");
    }

    @Test
    void commandReadingStdinSeesItsEndInsteadOfWaiting() throws Exception {
        var listener = new RecordingListener();
        RunResult result = runner().run(request("cat", "echo after"), listener).await(Duration.ofSeconds(20));
        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("after");
    }

    /** Pids of live processes whose environment contains {@code entry} (Linux /proc). */
    static List<Long> processesWithEnv(String entry) throws IOException {
        List<Long> found = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return found;
        }
        byte[] needle = entry.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> dirs = Files.list(proc)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    byte[] environ = Files.readAllBytes(dir.resolve("environ"));
                    if (contains(environ, needle) && !isZombie(dir)) {
                        found.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked, or is not ours to read
                }
            }
        }
        return found;
    }

    private static boolean isZombie(Path dir) throws IOException {
        String stat = Files.readString(dir.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

package dev.flowbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link TaskRunner} must have, as one abstract test class: a runner's test extends it,
 * says how to build the runner, whether commands run in a container image, and how to check that nothing
 * the run created is left behind. Scripts use only POSIX {@code sh} and busybox applets.
 */
@Timeout(180)
public abstract class TaskRunnerContract {

    /** How long a run of a trivial script may take, including container start; generous for slow machines. */
    protected static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    protected Path temp;

    private final AtomicInteger runs = new AtomicInteger();

    /** The runner under test, configured for this environment. */
    protected abstract TaskRunner runner();

    /** The container image tasks run in (e.g. {@code local/busybox:1}), or null for runners without images. */
    protected String containerImage() {
        return null;
    }

    /**
     * Asserts that nothing the run created survives it: processes, containers, volumes, pods, jobs. Called
     * after cancel and timeout. Every request carries the env variable {@code FLOWBENCH_CONTRACT_RUN} with a
     * value unique to that run, which helps to find processes.
     */
    protected abstract void assertNoLeftovers(RunRequest request, RunResult result) throws Exception;

    /** A request for {@code lines} run by {@code /bin/sh -c}, with fresh working and output directories. */
    protected RunRequest request(String... lines) {
        return request(RunCommand.shell(lines));
    }

    /** A request for {@code command}, with fresh directories, a unique identity and the contract marker env. */
    protected RunRequest request(RunCommand command) {
        int n = runs.incrementAndGet();
        String unique = UUID.randomUUID().toString();
        Path work = temp.resolve("run-" + n).resolve("work");
        Path out = temp.resolve("run-" + n).resolve("out");
        try {
            Files.createDirectories(work);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TaskIdentity identity = new TaskIdentity("contract.tests", "contract", "exec-" + unique, "task" + n, unique, 1);
        return RunRequest.of(identity, command, work, out)
                .withEnv("FLOWBENCH_CONTRACT_RUN", unique)
                .withContainerImage(containerImage());
    }

    /** Runs {@code request} to its end. */
    protected RunResult run(RunRequest request, RunListener listener) throws InterruptedException {
        return runner().run(request, listener).await(WAIT);
    }

    @Test
    public void exitCodeZeroEndsTheRunSuccessfully() throws Exception {
        var listener = new RecordingListener();
        RunResult result = run(request("echo hello"), listener);
        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.killed()).isFalse();
        assertThat(listener.stdout()).containsExactly("hello");
        assertThat(listener.events()).containsExactly("started", "finished");
        assertThat(listener.result()).isEqualTo(result);
    }

    @Test
    public void exitCodeOneIsReportedAsIs() throws Exception {
        RunResult result = run(request("echo about to fail", "exit 1"), RunListener.NONE);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.killed()).isFalse();
    }

    @Test
    public void processKilledBySigkillReportsExitCode137() throws Exception {
        RunResult result = run(request("sh -c 'kill -9 $$'"), RunListener.NONE);
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.killed())
                .as("killed means cancelled or timed out, not a signal")
                .isFalse();
    }

    @Test
    public void stdoutAndStderrAreKeptApartAndInOrder() throws Exception {
        var listener = new RecordingListener();
        run(request("i=1; while [ $i -le 200 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done"), listener);
        assertThat(listener.stdout())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 200).mapToObj(i -> "out" + i).toList());
        assertThat(listener.stderr())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 200).mapToObj(i -> "err" + i).toList());
        List<LogLine> lines = listener.lines();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).stream() == lines.get(i - 1).stream()) {
                assertThat(lines.get(i).timestamp())
                        .isAfterOrEqualTo(lines.get(i - 1).timestamp());
            }
        }
    }

    @Test
    public void aHundredThousandLinesArriveWithoutLoss() throws Exception {
        var count = new AtomicInteger();
        var outOfOrder = new AtomicInteger();
        RunListener listener = new RunListener() {
            @Override
            public void log(LogLine line) {
                int expected = count.incrementAndGet();
                if (!line.text().equals(Integer.toString(expected))) {
                    outOfOrder.incrementAndGet();
                }
            }
        };
        RunResult result = run(request("seq 1 100000"), listener);
        assertThat(result.exitCode()).isZero();
        assertThat(count.get()).isEqualTo(100_000);
        assertThat(outOfOrder.get()).isZero();
    }

    @Test
    public void outputsProtocolLinesSetOutputsAndMetricsAndAreNotLogged() throws Exception {
        var listener = new RecordingListener();
        RunResult result = run(
                request(
                        "echo before",
                        "echo '::{\"outputs\":{\"count\":3,\"name\":\"flow\"}}::'",
                        "echo '::{\"outputs\":{\"nested\":{\"ok\":true}}}::'",
                        "echo '::{\"metrics\":[{\"name\":\"rows\",\"type\":\"counter\",\"value\":42}]}::'",
                        "echo after"),
                listener);
        assertThat(listener.stdout()).containsExactly("before", "after");
        assertThat(result.outputs())
                .containsEntry("count", 3)
                .containsEntry("name", "flow")
                .containsEntry("nested", Map.of("ok", true));
        assertThat(result.metrics())
                .extracting(Metric::name, Metric::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rows", 42.0));
    }

    @Test
    public void inputFilesAreThereBeforeTheRunAndOutputFilesComeBack() throws Exception {
        RunRequest base = request("placeholder");
        String outputDir = runner().pathVariables(base.workingDirectory(), base.outputDirectory())
                .get("outputDir");
        RunRequest request = base.withCommand(RunCommand.shell(
                        "cat data/in.txt",
                        "tr a-z A-Z < data/in.txt > result.txt",
                        "mkdir -p reports && echo report > reports/r1.csv",
                        "echo ignored > notes.md",
                        "echo side > '" + outputDir + "/side.txt'"))
                .withInputFiles(Map.of("data/in.txt", "abc\n"))
                .withOutputFiles(List.of("*.txt", "reports/*.csv"));
        var listener = new RecordingListener();
        RunResult result = run(request, listener);
        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("abc");
        assertThat(result.outputFiles()).containsOnlyKeys("result.txt", "reports/r1.csv", "side.txt");
        assertThat(Files.readString(result.outputFiles().get("result.txt"))).isEqualTo("ABC\n");
        assertThat(Files.readString(result.outputFiles().get("reports/r1.csv"))).isEqualTo("report\n");
        assertThat(Files.readString(result.outputFiles().get("side.txt"))).isEqualTo("side\n");
    }

    @Test
    public void environmentVariablesReachTheCommands() throws Exception {
        var listener = new RecordingListener();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GREETING", "hello world");
        env.put("QUOTED", "it's \"quoted\" $HOME");
        RunRequest request = request("echo \"$GREETING\"", "echo \"$QUOTED\"");
        env.putAll(request.env());
        run(request.withEnv(env), listener);
        assertThat(listener.stdout()).containsExactly("hello world", "it's \"quoted\" $HOME");
    }

    @Test
    public void nonAsciiTextSurvivesScriptEnvAndOutput() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("echo 'héllo ✓ 日本語 🚀'", "echo \"$UNICODE\"", "echo 'ünïcödé' >&2")
                .withEnv("UNICODE", "wörld ✓");
        run(request, listener);
        assertThat(listener.stdout()).containsExactly("héllo ✓ 日本語 🚀", "wörld ✓");
        assertThat(listener.stderr()).containsExactly("ünïcödé");
    }

    @Test
    public void secretsAreMaskedEvenWhenWrittenInTwoPieces() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("printf 'token=s3cr'; sleep 0.3; printf 'et-value end\\n'", "echo \"$PASSWORD\"")
                .withEnv("PASSWORD", "s3cret-value")
                .withMasker(SecretMasker.of("s3cret-value"));
        run(request, listener);
        assertThat(listener.stdout()).containsExactly("token=****** end", "******");
    }

    @Test
    public void timeoutKillsTheRunAndLeavesNothingBehind() throws Exception {
        RunRequest request = request("sleep 300 &", "echo started", "sleep 300").withTimeout(Duration.ofSeconds(2));
        var listener = new RecordingListener();
        long start = System.nanoTime();
        RunResult result = run(request, listener);
        assertThat(result.killed()).isTrue();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
        assertThat(listener.events()).containsExactly("started", "finished");
        assertNoLeftovers(request, result);
    }

    @Test
    public void cancelKillsTheRunAndLeavesNothingBehind() throws Exception {
        RunRequest request = request("sleep 300 &", "echo started", "sleep 300");
        var listener = new RecordingListener();
        RunHandle handle = runner().run(request, listener);
        assertThat(listener.awaitLine("started"::equals, WAIT))
                .as("the script started")
                .isTrue();
        handle.cancel();
        handle.cancel(); // idempotent
        RunResult result = handle.await(WAIT);
        assertThat(result.killed()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertThat(listener.events()).containsExactly("started", "finished");
        assertNoLeftovers(request, result);
    }

    @Test
    public void cancelAfterTheEndChangesNothing() throws Exception {
        RunHandle handle = runner().run(request("echo done"), RunListener.NONE);
        RunResult result = handle.await(WAIT);
        handle.cancel();
        assertThat(handle.await(WAIT)).isEqualTo(result);
        assertThat(result.killed()).isFalse();
    }

    @Test
    public void aMissingInterpreterGivesOneClearLine() throws Exception {
        String missing = "flowbench-no-such-interpreter";
        var listener = new RecordingListener();
        RunRequest request = request(new RunCommand(List.of(missing, "-c"), "echo never"));
        Throwable thrown = catchThrowable(() -> run(request, listener));
        String message;
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(RunnerException.class);
            message = thrown.getMessage();
            assertThat(listener.events()).endsWith("failed");
        } else {
            // Container runners may only learn it from the container: a 126/127 exit with the reason logged.
            assertThat(listener.result().exitCode()).isIn(126, 127);
            message = String.join("\n", listener.stderr()) + String.join("\n", listener.stdout());
        }
        assertThat(message).contains(missing).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(listener.stdout()).doesNotContain("never");
    }

    @Test
    public void planDescribesTheRunWithoutRunningItAndMasksSecrets() throws Exception {
        RunRequest request = request("touch ran.txt", "echo \"$TOKEN\"")
                .withEnv("TOKEN", "plan-secret-42")
                .withMasker(SecretMasker.of("plan-secret-42"));
        RunPlan plan = runner().plan(request);
        String text = plan.render();
        assertThat(text).contains("touch ran.txt").contains(SecretMasker.MASK).doesNotContain("plan-secret-42");
        assertThat(request.workingDirectory().resolve("ran.txt")).doesNotExist();
    }

    @Test
    public void inputFileOutsideTheWorkingDirectoryIsRejected() {
        RunRequest request = request("true").withInputFiles(Map.of("../escape.txt", "x"));
        assertThatThrownBy(() -> run(request, RunListener.NONE))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("../escape.txt");
        assertThat(request.workingDirectory().resolveSibling("escape.txt")).doesNotExist();
    }

    /** Lines of a list as one string, for messages. */
    protected static String joined(List<String> lines) {
        return String.join("\n", new ArrayList<>(lines));
    }
}

package dev.flowbench.plugin.runner.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.runner.TaskRunnerContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSH runner against an in-process SSH server whose commands run on this machine. */
class SshRunnerTest extends TaskRunnerContract {

    private static TestSshServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestSshServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected TaskRunner runner() {
        return server.passwordRunner(Duration.ofSeconds(2));
    }

    @Override
    protected void assertNoLeftovers(RunRequest request, RunResult result) throws Exception {
        String marker = "FLOWBENCH_CONTRACT_RUN=" + request.env().get("FLOWBENCH_CONTRACT_RUN");
        assertThat(RemoteProcesses.withEnv(marker))
                .as("processes of the run still alive on the remote host")
                .isEmpty();
        assertThat(Path.of(result.details().get("directory")))
                .as("the run's remote directory")
                .doesNotExist();
    }

    @Test
    void cancelKillsTheWholeRemoteProcessGroupSoNoSleepIsLeft() throws Exception {
        RunRequest request = request("(trap '' HUP TERM; exec sleep 301) &", "echo child=$!", "sleep 300");
        var listener = new RecordingListener();
        RunHandle handle = runner().run(request, listener);
        assertThat(listener.awaitLine(line -> line.startsWith("child="), WAIT)).isTrue();
        long child = Long.parseLong(listener.stdout().getFirst().substring("child=".length()));
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

        handle.cancel();
        RunResult result = handle.await(WAIT);

        assertThat(result.killed()).isTrue();
        assertThat(result.details()).containsKey("pgid");
        assertThat(RemoteProcesses.running(child))
                .as("the child that ignored SIGTERM")
                .isFalse();
        assertThat(RemoteProcesses.commandLinesContaining("sleep 30" + "1")).isEmpty();
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
    void detailsNameTheHostTheRemoteDirectoryAndTheProcessGroup() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("pwd", "cut -d ' ' -f 5 /proc/$$/stat"); // field 5: the process group
        RunResult result = runner().run(request, listener).await(WAIT);

        String directory = result.details().get("directory");
        assertThat(listener.startDetails()).containsEntry("host", "127.0.0.1:" + server.port());
        assertThat(directory).startsWith("/tmp/flowbench-");
        assertThat(listener.stdout())
                .containsExactly(directory + "/work", result.details().get("pgid"));
    }

    @Test
    void workingAndOutputDirectoriesAreRemotePathsKnownBeforeTheRun() throws Exception {
        RunRequest request = request("true");
        var paths = runner().pathVariables(request.workingDirectory(), request.outputDirectory());
        assertThat(paths.get("workingDir")).startsWith("/tmp/flowbench-").endsWith("/work");
        assertThat(paths.get("outputDir")).isEqualTo(paths.get("workingDir").replaceAll("/work$", "/out"));
        assertThat(runner().pathVariables(request.workingDirectory(), Path.of("elsewhere")))
                .as("stable for one local working directory")
                .isEqualTo(paths);
    }

    @Test
    void filesAlreadyInTheLocalWorkingDirectoryAreUploadedAndExecutablesStayExecutable() throws Exception {
        RunRequest request = request("./tool.sh", "cat notes/readme.txt");
        Files.createDirectories(request.workingDirectory().resolve("notes"));
        Files.writeString(request.workingDirectory().resolve("notes/readme.txt"), "from a sibling task\n");
        Path tool = Files.writeString(request.workingDirectory().resolve("tool.sh"), "#!/bin/sh\necho tool ran\n");
        tool.toFile().setExecutable(true);
        var listener = new RecordingListener();

        RunResult result = runner().run(request, listener).await(WAIT);

        assertThat(result.exitCode()).as(joined(listener.stderr())).isZero();
        assertThat(listener.stdout()).containsExactly("tool ran", "from a sibling task");
    }
}

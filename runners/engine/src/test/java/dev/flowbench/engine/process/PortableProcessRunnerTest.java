package dev.flowbench.engine.process;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.runner.TaskRunnerContract;
import java.time.Duration;

/**
 * The contract once more on the portable start (ProcessBuilder with setsid, script and env through files),
 * which is what runs where the native start is not available (macOS, musl, native access refused).
 */
class PortableProcessRunnerTest extends TaskRunnerContract {

    @Override
    protected TaskRunner runner() {
        return new TaskRunner() {
            @Override
            public RunHandle run(RunRequest request, RunListener listener) {
                String interpreter = request.command().interpreter().getFirst();
                if (!Executables.exists(interpreter, request.env(), request.workingDirectory())) {
                    RunnerException error = new RunnerException("interpreter '" + interpreter + "' was not found");
                    RunListener.guarded(listener).failed(error);
                    throw error;
                }
                OutputFiles.writeInputs(request.workingDirectory(), request.inputFiles());
                return ProcessRun.start(request, RunListener.guarded(listener), Duration.ofSeconds(2), true);
            }
        };
    }

    @Override
    protected void assertNoLeftovers(RunRequest request, RunResult result) throws Exception {
        new ProcessRunnerTest().assertNoLeftovers(request, result);
    }
}

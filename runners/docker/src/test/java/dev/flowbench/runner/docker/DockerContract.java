package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.runner.TaskRunnerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/** The shared runner contract on a real Docker engine, for one file strategy. */
abstract class DockerContract extends TaskRunnerContract {

    private static final String NAMESPACE = "flowbench.dev/namespace";
    private static final String CONTRACT_NAMESPACE = "contract.tests";

    private final TaskRunner runner;

    DockerContract(DockerRunner.FileHandlingStrategy strategy) {
        // A short grace period: the contract's scripts run as PID 1, which ignores SIGTERM without a trap.
        this.runner = JsonMapper.builder()
                .build()
                .convertValue(
                        Map.of("networkMode", "none", "killGracePeriod", "PT1S", "fileHandlingStrategy", strategy),
                        DockerRunner.class);
    }

    @BeforeEach
    void needsAnEngine() {
        TestEngine.engine();
    }

    /** Every run of the contract, not only the cancelled ones, must leave nothing behind. */
    @AfterAll
    static void noContainerOrVolumeOfTheSuiteRemains() {
        if (TestEngine.isAvailable()) {
            TestEngine.awaitRemovals();
            assertThat(TestEngine.client()
                            .listContainersCmd()
                            .withShowAll(true)
                            .withLabelFilter(Map.of(NAMESPACE, CONTRACT_NAMESPACE))
                            .exec())
                    .as("containers left by the contract suite")
                    .isEmpty();
            var volumes = TestEngine.client()
                    .listVolumesCmd()
                    .withFilter("label", List.of(NAMESPACE + "=" + CONTRACT_NAMESPACE))
                    .exec()
                    .getVolumes();
            assertThat(volumes == null ? List.of() : volumes)
                    .as("volumes left by the contract suite")
                    .isEmpty();
        }
    }

    @Override
    protected TaskRunner runner() {
        return runner;
    }

    @Override
    protected String containerImage() {
        return TestEngine.IMAGE;
    }

    @Override
    protected void assertNoLeftovers(RunRequest request, RunResult result) {
        String execution = request.identity().executionId();
        assertThat(TestEngine.containersOf(execution))
                .as("containers of the run")
                .isEmpty();
        assertThat(TestEngine.volumesOf(execution)).as("volumes of the run").isEmpty();
    }
}

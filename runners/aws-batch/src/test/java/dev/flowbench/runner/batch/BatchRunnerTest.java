package dev.flowbench.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.runner.TaskRunnerContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared runner contract, with jobs run by the local Batch endpoint on the real Docker engine. */
class BatchRunnerTest extends TaskRunnerContract {

    static final String QUEUE = "arn:aws:batch:us-east-1:123456789012:job-queue/default";
    static final String BUCKET = "flowbench-files";

    static FakeAws aws;

    @BeforeAll
    static void startAws() throws Exception {
        TestDocker.require();
        aws = new FakeAws();
    }

    @AfterAll
    static void stopAws() {
        if (aws != null) {
            aws.close();
        }
    }

    @Override
    protected TaskRunner runner() {
        return runner(aws, null);
    }

    @Override
    protected String containerImage() {
        return TestDocker.IMAGE;
    }

    @Override
    protected void assertNoLeftovers(RunRequest request, RunResult result) throws Exception {
        assertNoLeftovers(aws, result);
    }

    /** A runner for the fake endpoint, with static keys, polling every 200 ms. */
    static BatchRunner runner(FakeAws aws, BatchRunner.Resources resources) {
        return new BatchRunner(
                "us-east-1",
                "AKIDFLOWBENCHTEST",
                "test-secret-key",
                null,
                aws.endpoint(),
                null,
                QUEUE,
                null,
                null,
                BUCKET,
                resources,
                null,
                Duration.ofMillis(200),
                true);
    }

    /** The job ended, its container is gone, its definition deregistered and no input object remains. */
    static void assertNoLeftovers(FakeAws aws, RunResult result) throws InterruptedException {
        String jobId = result.details().get("jobId");
        assertThat(jobId).isNotNull();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !aws.containers(jobId).isEmpty()) {
            Thread.sleep(100);
        }
        assertThat(aws.job(jobId).path("status").asString()).isIn("FAILED", "SUCCEEDED");
        assertThat(aws.containers(jobId)).as("containers of job " + jobId).isEmpty();
        assertThat(aws.deregistered(result.details().get("jobDefinition"))).isTrue();
        assertThat(aws.keys(BUCKET)).isEmpty();
    }
}

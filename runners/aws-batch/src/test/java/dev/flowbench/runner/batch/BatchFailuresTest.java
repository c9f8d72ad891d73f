package dev.flowbench.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Final statuses, cancel, temporary queues and what the job definition carries, on the local Batch endpoint. */
@Timeout(120)
class BatchFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static FakeAws aws;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws Exception {
        TestDocker.require();
        aws = new FakeAws();
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void jobThatCannotPullItsImageFailsWithBatchsReason() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("echo never").withContainerImage("local/not-there:1");
        RunHandle handle = BatchRunnerTest.runner(aws, null).run(request, listener);
        assertThatThrownBy(() -> handle.await(WAIT))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("failed: Task failed to start (CannotPullContainerError:")
                .hasMessageContaining("local/not-there:1");
        assertThat(listener.events()).containsExactly("started", "failed");
        assertThat(aws.keys(BatchRunnerTest.BUCKET)).isEmpty();
    }

    @Test
    void failedJobReportsItsExitCodeAndStatusReason() throws Exception {
        var listener = new RecordingListener();
        RunResult result = BatchRunnerTest.runner(aws, null)
                .run(request("echo working", "exit 3"), listener)
                .await(WAIT);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.details()).containsEntry("statusReason", "Essential container in task exited");
        assertThat(listener.stderr()).contains("Batch job failed: Essential container in task exited");
        assertThat(aws.deregistered(result.details().get("jobDefinition"))).isTrue();
    }

    @Test
    void cancelTerminatesTheRunningJob() throws Exception {
        var listener = new RecordingListener();
        RunHandle handle = BatchRunnerTest.runner(aws, null).run(request("echo started", "sleep 300"), listener);
        assertThat(listener.awaitLine("started"::equals, WAIT)).isTrue();
        handle.cancel();
        RunResult result = handle.await(WAIT);
        assertThat(result.killed()).isTrue();
        String jobId = result.details().get("jobId");
        assertThat(aws.calls()).extracting(FakeAws.Call::operation).contains("terminatejob");
        JsonNode job = aws.job(jobId);
        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("statusReason").asString()).isEqualTo("cancelled in Flowbench");
        BatchRunnerTest.assertNoLeftovers(aws, result);
    }

    @Test
    void temporaryQueueOnTheComputeEnvironmentIsDeletedAfterTheRun() throws Exception {
        BatchRunner runner = new BatchRunner(
                "us-east-1",
                "AKIDFLOWBENCHTEST",
                "test-secret-key",
                null,
                aws.endpoint(),
                "arn:aws:batch:us-east-1:123456789012:compute-environment/spot",
                null,
                null,
                null,
                BatchRunnerTest.BUCKET,
                null,
                null,
                Duration.ofMillis(200),
                null);
        RunResult result = runner.run(request("echo queued"), RunListener.NONE).await(WAIT);
        assertThat(result.exitCode()).isZero();
        assertThat(aws.calls())
                .extracting(FakeAws.Call::operation)
                .contains("createjobqueue", "updatejobqueue", "deletejobqueue");
        assertThat(aws.queueNames()).isEmpty();
    }

    @Test
    void jobDefinitionCarriesImageResourcesRolesAndInputFilesComeFromS3() throws Exception {
        BatchRunner runner = new BatchRunner(
                "us-east-1",
                "AKIDFLOWBENCHTEST",
                "test-secret-key",
                null,
                aws.endpoint(),
                null,
                BatchRunnerTest.QUEUE,
                "arn:aws:iam::123456789012:role/ecs-execution",
                "arn:aws:iam::123456789012:role/job",
                BatchRunnerTest.BUCKET,
                new BatchRunner.Resources(new BatchRunner.Request("0.5", "512Mi")),
                null,
                Duration.ofMillis(200),
                false);
        var listener = new RecordingListener();
        RunRequest request = request("cat in.txt").withInputFiles(Map.of("in.txt", "from s3"));
        RunResult result = runner.run(request, listener).await(WAIT);
        assertThat(listener.stdout()).containsExactly("from s3");
        assertThat(aws.calls()).extracting(FakeAws.Call::operation).contains("PUT");
        JsonNode definition = aws.definition(result.details().get("jobName"));
        JsonNode container = definition.path("containerProperties");
        assertThat(container.path("image").asString()).isEqualTo(TestDocker.IMAGE);
        assertThat(container.path("executionRoleArn").asString()).endsWith("role/ecs-execution");
        assertThat(container.path("jobRoleArn").asString()).endsWith("role/job");
        assertThat(container.path("resourceRequirements").toString())
                .contains("{\"value\":\"0.5\",\"type\":\"VCPU\"}")
                .contains("{\"value\":\"512\",\"type\":\"MEMORY\"}");
        assertThat(definition.path("tags").path("flowbench.dev/taskrun").asString())
                .isEqualTo(request.identity().taskRunId());
        assertThat(aws.deregistered(definition.path("jobDefinitionArn").asString()))
                .as("delete: false keeps the definition")
                .isFalse();
        String key = aws.keys(BatchRunnerTest.BUCKET).getFirst();
        assertThat(new String(aws.object(BatchRunnerTest.BUCKET, key), StandardCharsets.UTF_8))
                .isEqualTo("from s3");
        aws.deleteObject(BatchRunnerTest.BUCKET, key);
    }

    private RunRequest request(String... lines) throws Exception {
        String unique = UUID.randomUUID().toString();
        Path work = Files.createDirectories(temp.resolve(unique).resolve("work"));
        Path out = Files.createDirectories(temp.resolve(unique).resolve("out"));
        return RunRequest.of(
                        new TaskIdentity("company.team", "flow", "exec-" + unique, "task", unique, 1),
                        RunCommand.shell(lines),
                        work,
                        out)
                .withContainerImage(TestDocker.IMAGE)
                .withOutputFiles(List.of());
    }
}

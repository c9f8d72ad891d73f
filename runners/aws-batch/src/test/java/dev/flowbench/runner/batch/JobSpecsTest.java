package dev.flowbench.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskIdentity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** The job definition, the plan and the credentials, without any endpoint. */
class JobSpecsTest {

    @Test
    void planShowsJobDefinitionAndSubmitRequestWithCredentialsMasked() {
        BatchRunner runner = runner("AKIDPLAN0001", "plan-secret-0001", "https://batch.example.com");
        RunRequest request = request().withInputFiles(Map.of("data/in.csv", "a,b"));
        String text = runner.plan(request).render();
        assertThat(text)
                .contains("jobDefinitionName: flowbench-task-")
                .contains("image: python:3.12")
                .contains("type: VCPU")
                .contains("value: 2048")
                .contains("jobQueue: arn:aws:batch:us-east-1:123456789012:job-queue/prod")
                .contains("FLOWBENCH_INPUT_0")
                .contains("s3://files/flowbench/")
                .contains("region: us-east-1")
                .doesNotContain("AKIDPLAN0001")
                .doesNotContain("plan-secret-0001")
                .doesNotContain("s3cret");
    }

    @Test
    void memoryIsGivenInMebibytesWhateverTheUnit() {
        assertThat(JobSpecs.mebibytes("2048")).isEqualTo(2048);
        assertThat(JobSpecs.mebibytes("2Gi")).isEqualTo(2048);
        assertThat(JobSpecs.mebibytes("1g")).isEqualTo(1024);
        assertThat(JobSpecs.mebibytes("512Mi")).isEqualTo(512);
        assertThatThrownBy(() -> JobSpecs.mebibytes("lots"))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("'lots' is not a size");
    }

    @Test
    void taskWithoutContainerImageGetsOneClearLine() {
        var listener = new RecordingListener();
        assertThatThrownBy(() -> runner("a", "b", null).run(request().withContainerImage(null), listener))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Batch runner needs containerImage on the task");
        assertThat(listener.events()).containsExactly("failed");
    }

    @Test
    void inputFilesWithoutBucketAreRefused() {
        BatchRunner noBucket = new BatchRunner(
                "us-east-1", null, null, null, null, null, "q", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> JobSpecs.build(noBucket, request().withInputFiles(Map.of("a.txt", "a"))))
                .isInstanceOf(RunnerException.class)
                .hasMessage("input files travel through S3: set `bucket` on the Batch runner");
    }

    @Test
    void credentialsAreStaticWithKeysAndTheDefaultChainWithout() {
        BatchRunner withToken = new BatchRunner(
                "eu-west-1", "AKID", "secret", "token", null, null, "q", null, null, null, null, null, null, null);
        assertThat(AwsClients.credentials(withToken).resolveCredentials())
                .isInstanceOfSatisfying(AwsSessionCredentials.class, c -> {
                    assertThat(c.accessKeyId()).isEqualTo("AKID");
                    assertThat(c.sessionToken()).isEqualTo("token");
                });
        BatchRunner withoutKeys = new BatchRunner(
                "eu-west-1", null, null, null, null, null, "q", null, null, null, null, null, null, null);
        assertThat(AwsClients.credentials(withoutKeys)).isInstanceOf(DefaultCredentialsProvider.class);
        BatchRunner half = new BatchRunner(
                "eu-west-1", "AKID", null, null, null, null, "q", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> AwsClients.credentials(half))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Batch runner has an accessKeyId but no secretKeyId");
    }

    @Test
    void missingRegionIsOneClearLine() {
        BatchRunner noRegion =
                new BatchRunner(null, null, null, null, null, null, "q", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> noRegion.run(request(), new RecordingListener()))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Batch runner needs a region, e.g. us-east-1");
    }

    private static BatchRunner runner(String key, String secret, String endpoint) {
        return new BatchRunner(
                "us-east-1",
                key,
                secret,
                null,
                endpoint,
                null,
                "arn:aws:batch:us-east-1:123456789012:job-queue/prod",
                null,
                null,
                "files",
                null,
                null,
                null,
                null);
    }

    private static RunRequest request() {
        return RunRequest.of(
                        new TaskIdentity("company.team", "hello", "exec-1", "task", "run-1", 1),
                        RunCommand.shell("echo \"$TOKEN\""),
                        Path.of("work"),
                        Path.of("out"))
                .withEnv(Map.of("TOKEN", "s3cret"))
                .withMasker(SecretMasker.of("s3cret"))
                .withContainerImage("python:3.12");
    }
}

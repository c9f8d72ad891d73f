package dev.flowbench.runner.batch;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.time.Duration;

/** The AWS Batch task runner: runs a script task's commands as a Batch job. */
@Plugin(
        id = "io.kestra.plugin.ee.aws.runner.Batch",
        title = "AWS Batch task runner",
        description =
                "Runs the task's commands as an AWS Batch job using the task's `containerImage`: registers a job definition, submits it to `jobQueueArn` (or a temporary queue on `computeEnvironmentArn`), streams its CloudWatch logs and maps the final status. Input and output files travel through the S3 `bucket`.\n\nCredentials are usually set once at namespace level with `pluginDefaults` and `{{ secret() }}`.",
        icon = "dev/flowbench/runner/batch/batch.svg",
        examples = @Example(title = "Credentials from namespace defaults", code = """
                id: batch
                namespace: company.team
                pluginDefaults:
                  - type: io.kestra.plugin.ee.aws.runner.Batch
                    values:
                      accessKeyId: "{{ secret('AWS_ACCESS_KEY_ID') }}"
                      secretKeyId: "{{ secret('AWS_SECRET_ACCESS_KEY') }}"
                      region: "us-east-1"
                tasks:
                  - id: script
                    type: io.kestra.plugin.scripts.shell.Commands
                    containerImage: ubuntu:24.04
                    taskRunner:
                      type: io.kestra.plugin.ee.aws.runner.Batch
                      jobQueueArn: arn:aws:batch:us-east-1:123456789012:job-queue/default
                      bucket: my-flowbench-files
                    commands:
                      - echo "running on Batch"
                """))
public record BatchRunner(
        @PluginProperty(
                description = "The AWS region, e.g. `us-east-1`.",
                required = true,
                dynamic = true,
                group = "Connection",
                examples = {"us-east-1"})
        String region,

        @PluginProperty(
                description = "Access key id; without it the default AWS credentials chain is used.",
                dynamic = true,
                group = "Connection")
        String accessKeyId,

        @PluginProperty(description = "Secret access key matching `accessKeyId`.", dynamic = true, group = "Connection")
        String secretKeyId,

        @PluginProperty(description = "Session token of temporary credentials.", dynamic = true, group = "Connection")
        String sessionToken,

        @PluginProperty(
                description = "Another endpoint for the AWS APIs (private endpoints, tests).",
                dynamic = true,
                group = "Connection")
        String endpointOverride,

        @PluginProperty(
                description =
                        "Compute environment on which a temporary job queue is created when `jobQueueArn` is not set.",
                dynamic = true)
        String computeEnvironmentArn,

        @PluginProperty(description = "The job queue jobs are submitted to.", dynamic = true)
        String jobQueueArn,

        @PluginProperty(description = "IAM role ECS uses to pull the image and write logs.", dynamic = true)
        String executionRoleArn,

        @PluginProperty(description = "IAM role the job's container runs as.", dynamic = true)
        String taskRoleArn,

        @PluginProperty(description = "S3 bucket through which input and output files travel.", dynamic = true)
        String bucket,

        @PluginProperty(description = "CPU and memory of the job.", group = "Resources")
        Resources resources,

        @PluginProperty(
                description = "How long to wait for the job to finish; the task's `timeout` overrides it.",
                defaultValue = "PT1H")
        Duration waitUntilCompletion,

        @PluginProperty(description = "How often the job's status is polled.", defaultValue = "PT5S")
        Duration completionCheckInterval,

        @PluginProperty(
                description = "Deregister the job definition and remove temporary objects when the task ends.",
                defaultValue = "true")
        Boolean delete)
        implements RunnerPlugin {

    /** The job's resource requirements. */
    public record Resources(
            @PluginProperty(description = "What the job requests.")
            Request request) {}

    /** vCPUs and memory requested by the job. */
    public record Request(
            @PluginProperty(
                    description = "vCPUs, e.g. `1` or `0.25` (Fargate).",
                    dynamic = true,
                    examples = {"1"})
            String cpu,

            @PluginProperty(
                    description = "Memory, e.g. `2048` (MiB) or `2Gi`.",
                    dynamic = true,
                    pattern = "^([0-9]+(\\.[0-9]+)?([kKmMgGtT]i?[bB]?)?|.*\\{\\{.*)$",
                    patternHint = "MiB such as `2048`, or a size such as `2Gi`",
                    examples = {"2048"})
            String memory) {}
}

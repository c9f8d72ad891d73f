package dev.flowbench.runner.batch;

import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The AWS Batch task runner: runs a script task's commands as a Batch job. */
@Plugin(
        id = "io.kestra.plugin.ee.aws.runner.Batch",
        title = "AWS Batch task runner",
        description =
                "Runs the task's commands as an AWS Batch job using the task's `containerImage`: registers a job definition, submits it to `jobQueueArn` (or a temporary queue on `computeEnvironmentArn`), streams its CloudWatch logs and maps the final status. Input and output files travel through the S3 `bucket`: the job fetches inputs from presigned URLs and posts outputs with an upload policy limited to the run's prefix (with `curl` or `wget`, so the image needs one of them and `sh`); both are deleted afterwards.\n\nCredentials are usually set once at namespace level with `pluginDefaults` and `{{ secret() }}`.",
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
        implements TaskRunner {

    private static final Duration DEFAULT_COMPLETION = Duration.ofHours(1);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** Where the commands run and where they write output files, inside the job's container. */
    @Override
    public Map<String, String> pathVariables(Path workingDirectory, Path outputDirectory) {
        return Map.of("workingDir", JobSpecs.WORK, "outputDir", JobSpecs.OUT);
    }

    @Override
    public RunHandle run(RunRequest request, RunListener listener) {
        RunListener guarded = RunListener.guarded(listener);
        JobSpecs.Specs specs;
        AwsClients aws;
        try {
            specs = JobSpecs.build(this, request);
            aws = new AwsClients(this);
        } catch (RunnerException e) {
            RunnerException masked = new RunnerException(request.masker().mask(e.getMessage()), e);
            guarded.failed(masked);
            throw masked;
        } catch (RuntimeException e) {
            RunnerException error = new RunnerException(
                    request.masker().mask("cannot configure the AWS clients: " + e.getMessage()), e);
            guarded.failed(error);
            throw error;
        }
        return BatchRun.start(this, request, guarded, aws, specs);
    }

    @Override
    public RunPlan plan(RunRequest request) {
        JobSpecs.Specs specs = JobSpecs.build(this, request);
        Map<String, String> urls = new LinkedHashMap<>();
        specs.inputKeys()
                .forEach((variable, key) -> urls.put(variable, "<presigned GET of s3://" + bucket() + "/" + key + ">"));
        if (specs.outputPrefix() != null) {
            urls.put("FLOWBENCH_S3_URL", OutputUpload.url(null, region(), bucket()));
            urls.put("FLOWBENCH_S3_PREFIX", specs.outputPrefix());
            urls.put(
                    "FLOWBENCH_S3_POLICY",
                    "<POST policy for s3://" + bucket() + "/" + specs.outputPrefix() + "*, signed at submit>");
        }
        String queue = jobQueueArn() != null && !jobQueueArn().isBlank()
                ? jobQueueArn()
                : "<temporary queue " + JobSpecs.queueName(specs) + " on " + computeEnvironmentArn() + ">";
        Map<String, Object> spec = new LinkedHashMap<>();
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("region", region());
        connection.put(
                "credentials",
                accessKeyId() == null || accessKeyId().isBlank()
                        ? "default provider chain"
                        : "static: accessKeyId " + SecretMasker.MASK + ", secretKeyId " + SecretMasker.MASK
                                + (sessionToken() == null || sessionToken().isBlank()
                                        ? ""
                                        : ", sessionToken " + SecretMasker.MASK));
        if (endpointOverride() != null && !endpointOverride().isBlank()) {
            connection.put("endpointOverride", endpointOverride());
        }
        spec.put("connection", connection);
        spec.put("jobDefinition", Sdk.toMap(specs.definition()));
        spec.put("submitJob", Sdk.toMap(specs.submit("<registered " + specs.name() + ">", queue, urls)));
        if (!specs.inputKeys().isEmpty()) {
            spec.put(
                    "inputFiles",
                    specs.inputKeys().values().stream()
                            .map(k -> "s3://" + bucket() + "/" + k)
                            .toList());
        }
        spec.put("waitUntilCompletion", completionLimit(request).toString());
        spec.put("completionCheckInterval", checkInterval().toString());
        spec.put("delete", deletes());
        List<String> secrets = new ArrayList<>();
        for (String value : new String[] {accessKeyId(), secretKeyId(), sessionToken()}) {
            if (value != null) {
                secrets.add(value);
            }
        }
        return RunPlan.of("Batch", "registers job definition " + specs.name() + " and submits it to " + queue, spec)
                .masked(request.masker().plus(secrets));
    }

    /** The task's timeout when it has one, else {@code waitUntilCompletion} or its default. */
    Duration completionLimit(RunRequest request) {
        if (request.timeout() != null) {
            return request.timeout();
        }
        return waitUntilCompletion() == null ? DEFAULT_COMPLETION : waitUntilCompletion();
    }

    /** {@code completionCheckInterval} or its default. */
    Duration checkInterval() {
        return completionCheckInterval() == null ? DEFAULT_INTERVAL : completionCheckInterval();
    }

    /** Whether the job definition and temporary objects are removed after a normal end (default true). */
    boolean deletes() {
        return delete() == null || delete();
    }

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

package dev.flowbench.runner.batch;

import dev.flowbench.runner.LogCollector;
import dev.flowbench.runner.LogLine;
import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.batch.model.CreateJobQueueRequest;
import software.amazon.awssdk.services.batch.model.JQState;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobQueueDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * One Batch job: uploads the input files, makes sure there is a queue (a temporary one on {@code
 * computeEnvironmentArn} if needed), registers the job definition, submits, polls every {@code
 * completionCheckInterval}, streams the job's CloudWatch log, maps the final status, brings the output files
 * back from the log, and removes what it created. Cancel and timeout terminate the job at once.
 */
final class BatchRun implements RunHandle {

    private static final String LOG_GROUP = "/aws/batch/job";

    private final BatchRunner runner;
    private final RunRequest request;
    private final RunListener listener;
    private final AwsClients aws;
    private final JobSpecs.Specs specs;
    private final LogCollector collector;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean terminated = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private final List<String> uploaded = new ArrayList<>();
    private final List<String> downloaded = new ArrayList<>();
    private volatile String jobId;
    private String definitionArn;
    private String temporaryQueue;
    private String logStream;
    private String nextToken;
    private boolean logComplete;
    private boolean timedOut;

    private BatchRun(
            BatchRunner runner, RunRequest request, RunListener listener, AwsClients aws, JobSpecs.Specs specs) {
        this.runner = runner;
        this.request = request;
        this.listener = listener;
        this.aws = aws;
        this.specs = specs;
        this.collector = new LogCollector(request.masker(), listener);
    }

    static BatchRun start(
            BatchRunner runner, RunRequest request, RunListener listener, AwsClients aws, JobSpecs.Specs specs) {
        BatchRun run = new BatchRun(runner, request, listener, aws, specs);
        Thread.ofPlatform().daemon().name("flowbench-batch-" + specs.name()).start(run::supervise);
        return run;
    }

    private void supervise() {
        try {
            Map<String, String> urls = uploadInputs();
            String queue = queue();
            definitionArn =
                    aws.batch().registerJobDefinition(specs.definition()).jobDefinitionArn();
            if (cancelled.get()) {
                finish(null);
                return;
            }
            Map<String, String> variables = new LinkedHashMap<>(urls);
            if (specs.outputPrefix() != null) {
                Instant now = Instant.now();
                variables.putAll(OutputUpload.variables(
                        aws.endpoint(),
                        aws.region(),
                        runner.bucket(),
                        specs.outputPrefix(),
                        aws.identity(),
                        now,
                        now.plus(validity())));
            }
            jobId = aws.batch()
                    .submitJob(specs.submit(definitionArn, queue, variables))
                    .jobId();
            Map<String, String> details = details();
            listener.started(request, details);
            if (cancelled.get()) {
                terminate("cancelled in Flowbench");
            }
            JobDetail end = poll();
            drainLogs(end);
            finish(end);
        } catch (RunnerException e) {
            fail(e);
        } catch (SdkException e) {
            fail(new RunnerException(
                    request.masker().mask("AWS refused a request of the Batch runner: " + message(e)), e));
        } catch (RuntimeException e) {
            fail(new RunnerException(request.masker().mask("the Batch runner failed: " + e), e));
        } finally {
            aws.close();
        }
    }

    private Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        if (jobId != null) {
            details.put("jobId", jobId);
        }
        details.put("jobName", specs.name());
        if (definitionArn != null) {
            details.put("jobDefinition", definitionArn);
        }
        return details;
    }

    /** How long presigned URLs and the upload policy stay valid: the run's limit and an hour, at most 7 days. */
    private Duration validity() {
        Duration validity = runner.completionLimit(request).plusHours(1);
        return validity.compareTo(Duration.ofDays(7)) > 0 ? Duration.ofDays(7) : validity;
    }

    private Map<String, String> uploadInputs() {
        Map<String, String> urls = new LinkedHashMap<>();
        Duration validity = validity();
        for (var entry : specs.inputKeys().entrySet()) {
            String key = entry.getValue();
            String content = request.inputFiles().get(specs.inputNames().get(entry.getKey()));
            aws.s3().putObject(b -> b.bucket(runner.bucket()).key(key), RequestBody.fromString(content));
            uploaded.add(key);
            Duration valid = validity;
            urls.put(
                    entry.getKey(),
                    aws.presigner()
                            .presignGetObject(p -> p.signatureDuration(valid)
                                    .getObjectRequest(
                                            g -> g.bucket(runner.bucket()).key(key)))
                            .url()
                            .toString());
        }
        return urls;
    }

    private String queue() {
        if (runner.jobQueueArn() != null && !runner.jobQueueArn().isBlank()) {
            return runner.jobQueueArn();
        }
        if (runner.computeEnvironmentArn() == null
                || runner.computeEnvironmentArn().isBlank()) {
            throw new RunnerException(
                    "the Batch runner needs jobQueueArn, or computeEnvironmentArn for a temporary queue");
        }
        String name = JobSpecs.queueName(specs);
        String arn = aws.batch()
                .createJobQueue(CreateJobQueueRequest.builder()
                        .jobQueueName(name)
                        .priority(1)
                        .state(JQState.ENABLED)
                        .computeEnvironmentOrder(o -> o.order(1).computeEnvironment(runner.computeEnvironmentArn()))
                        .tags(specs.definition().tags())
                        .build())
                .jobQueueArn();
        temporaryQueue = arn;
        for (long pause = 200; ; pause = Math.min(pause * 2, 5000)) {
            List<JobQueueDetail> queues =
                    aws.batch().describeJobQueues(d -> d.jobQueues(arn)).jobQueues();
            if (!queues.isEmpty() && "VALID".equals(queues.getFirst().statusAsString())) {
                return arn;
            }
            if (!queues.isEmpty() && "INVALID".equals(queues.getFirst().statusAsString())) {
                throw new RunnerException("the temporary job queue is invalid: "
                        + queues.getFirst().statusReason());
            }
            sleep(pause);
        }
    }

    /** Polls until the job is SUCCEEDED or FAILED, streaming its log; terminates it on timeout or cancel. */
    private JobDetail poll() {
        long deadline = System.nanoTime() + runner.completionLimit(request).toNanos();
        Duration interval = runner.checkInterval();
        while (true) {
            JobDetail job = describe();
            if (job.container() != null && job.container().logStreamName() != null) {
                logStream = job.container().logStreamName();
            }
            readLogs();
            if (job.status() == JobStatus.SUCCEEDED || job.status() == JobStatus.FAILED) {
                return job;
            }
            if (!timedOut && !cancelled.get() && System.nanoTime() > deadline) {
                timedOut = true;
                terminate("timed out after " + runner.completionLimit(request));
            }
            sleepUnlessCancelled(interval);
        }
    }

    private JobDetail describe() {
        var jobs = aws.batch().describeJobs(d -> d.jobs(jobId)).jobs();
        if (jobs.isEmpty()) {
            throw new RunnerException("job " + jobId + " is unknown to Batch");
        }
        return jobs.getFirst();
    }

    /** Reads the log events available now, in pages; nothing when the stream does not exist yet. */
    private void readLogs() {
        if (logStream == null) {
            return;
        }
        while (true) {
            GetLogEventsResponse page;
            try {
                page = aws.logs().getLogEvents(g -> {
                    g.logGroupName(LOG_GROUP).logStreamName(logStream).startFromHead(true);
                    if (nextToken != null) {
                        g.nextToken(nextToken);
                    }
                });
            } catch (ResourceNotFoundException e) {
                return; // the stream appears once the container has written something
            }
            for (OutputLogEvent event : page.events()) {
                line(
                        Instant.ofEpochMilli(
                                event.timestamp() == null ? System.currentTimeMillis() : event.timestamp()),
                        event.message());
            }
            boolean same =
                    page.nextForwardToken() == null || page.nextForwardToken().equals(nextToken);
            nextToken = page.nextForwardToken();
            if (same || page.events().isEmpty()) {
                return;
            }
        }
    }

    private void line(Instant time, String message) {
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        if (logComplete) {
            return;
        }
        if (text.endsWith(specs.endMarker())) {
            // The last line may lack its newline: the marker then ends that line.
            String last = text.substring(0, text.length() - specs.endMarker().length());
            if (!last.isEmpty()) {
                line(time, last);
            }
            logComplete = true;
        } else if (!text.isEmpty() && text.charAt(0) == JobSpecs.STDERR_MARK) {
            collector.acceptLine(LogLine.Stream.STDERR, text.substring(1), time);
        } else {
            collector.acceptLine(LogLine.Stream.STDOUT, text, time);
        }
    }

    /** CloudWatch may deliver the last events a little after the job ended: read until they stop coming. */
    private void drainLogs(JobDetail end) {
        if (end.container() != null && end.container().logStreamName() != null) {
            logStream = end.container().logStreamName();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean killed = timedOut || cancelled.get();
        while (!logComplete && !killed && logStream != null && System.nanoTime() < deadline) {
            readLogs();
            if (!logComplete) {
                sleep(Math.min(runner.checkInterval().toMillis(), 1000));
            }
        }
        readLogs();
    }

    private void finish(JobDetail end) {
        boolean killed = cancelled.get() || timedOut;
        Map<String, String> details = details();
        Integer exitCode =
                end == null || end.container() == null ? null : end.container().exitCode();
        if (end != null && end.statusReason() != null) {
            details.put("statusReason", end.statusReason());
        }
        if (end != null && end.status() == JobStatus.FAILED && !killed) {
            if (exitCode == null) {
                fail(new RunnerException(request.masker()
                        .mask("Batch job " + jobId + " failed: "
                                + (end.statusReason() == null ? "no reason given" : end.statusReason())
                                + containerReason(end))));
                return;
            }
            if (end.statusReason() != null && exitCode != 0) {
                collector.acceptLine(
                        LogLine.Stream.STDERR,
                        "Batch job failed: " + end.statusReason() + containerReason(end),
                        Instant.now());
            }
        }
        if (timedOut) {
            collector.acceptLine(
                    LogLine.Stream.STDERR,
                    "timed out after " + runner.completionLimit(request) + "; job " + jobId + " was terminated",
                    Instant.now());
        }
        collector.close();
        try {
            if (!killed) {
                bringBackFiles();
            }
        } finally {
            cleanUp(killed);
        }
        RunResult done = new RunResult(
                exitCode == null ? 137 : exitCode,
                killed,
                timedOut,
                Duration.ofNanos(System.nanoTime() - startNanos),
                details,
                collector.outputs(),
                collector.metrics(),
                OutputFiles.collect(request.workingDirectory(), request.outputFiles(), request.outputDirectory()));
        listener.finished(done);
        result.complete(done);
    }

    private static String containerReason(JobDetail job) {
        return job.container() != null && job.container().reason() != null
                ? " (" + job.container().reason() + ")"
                : "";
    }

    /** Downloads what the job uploaded under the outputs prefix into the working and output directories. */
    private void bringBackFiles() {
        if (specs.outputPrefix() == null) {
            return;
        }
        if (!logComplete && !request.outputFiles().isEmpty()) {
            collector.acceptLine(
                    LogLine.Stream.STDERR,
                    "output files may be missing: the job's log ended before its last line",
                    Instant.now());
        }
        String prefix = specs.outputPrefix();
        var pages =
                aws.s3().listObjectsV2Paginator(l -> l.bucket(runner.bucket()).prefix(prefix));
        for (var object : pages.contents()) {
            String key = object.key();
            downloaded.add(key);
            String relative = key.substring(prefix.length());
            Path target;
            if (relative.startsWith("work/")) {
                target = OutputFiles.resolveInside(request.workingDirectory(), relative.substring(5), "output file");
            } else if (relative.startsWith("out/")) {
                target = OutputFiles.resolveInside(request.outputDirectory(), relative.substring(4), "output file");
            } else {
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                aws.s3().getObject(g -> g.bucket(runner.bucket()).key(key), target);
            } catch (IOException e) {
                throw new RunnerException("cannot write output file " + relative + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deregisters the job definition and removes the temporary queue and input objects (always after a kill). */
    private void cleanUp(boolean killed) {
        if (!runner.deletes() && !killed) {
            return;
        }
        if (definitionArn != null) {
            quietly(() -> aws.batch().deregisterJobDefinition(d -> d.jobDefinition(definitionArn)));
        }
        if (temporaryQueue != null) {
            String queue = temporaryQueue;
            quietly(() -> aws.batch().updateJobQueue(u -> u.jobQueue(queue).state(JQState.DISABLED)));
            quietly(() -> aws.batch().deleteJobQueue(d -> d.jobQueue(queue)));
        }
        List<String> objects = new ArrayList<>(uploaded);
        objects.addAll(downloaded);
        for (String key : objects) {
            quietly(() -> aws.s3().deleteObject(d -> d.bucket(runner.bucket()).key(key)));
        }
    }

    private void fail(RunnerException error) {
        if (jobId != null && !terminated.get()) {
            terminate("the Batch runner failed");
        }
        cleanUp(true);
        collector.close();
        listener.failed(error);
        result.completeExceptionally(error);
    }

    private void terminate(String reason) {
        if (jobId == null || !terminated.compareAndSet(false, true)) {
            return;
        }
        String id = jobId;
        quietly(() -> aws.batch().terminateJob(t -> t.jobId(id).reason(reason)));
    }

    @Override
    public void cancel() {
        if (!result.isDone() && cancelled.compareAndSet(false, true)) {
            Thread.ofPlatform()
                    .daemon()
                    .name("flowbench-cancel-" + specs.name())
                    .start(() -> terminate("cancelled in Flowbench"));
        }
    }

    @Override
    public CompletionStage<RunResult> result() {
        return result.minimalCompletionStage();
    }

    private void sleepUnlessCancelled(Duration interval) {
        long end = System.nanoTime() + interval.toNanos();
        while (System.nanoTime() < end && !(cancelled.get() && !terminated.get())) {
            sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    static String message(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        String message = e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // clean-up is best effort: the job definition, queue or object may be gone already
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

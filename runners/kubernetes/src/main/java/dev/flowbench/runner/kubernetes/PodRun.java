package dev.flowbench.runner.kubernetes;

import dev.flowbench.runner.LogCollector;
import dev.flowbench.runner.LogLine;
import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One pod run: creates the pod, waits for it to run, streams the logs of {@code main} (standard output) and
 * {@code files} (standard error), waits for the end within the time allowed, brings the output files back and
 * deletes what it created. Cancel and timeout delete the pod at once.
 */
final class PodRun implements RunHandle {

    private final KubernetesRunner runner;
    private final RunRequest request;
    private final RunListener listener;
    private final KubernetesClient client;
    private final String namespace;
    private final PodSpecFactory.PodSpecs specs;
    private final LogCollector collector;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean deleted = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private final java.util.List<String> archive = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private volatile boolean stop;
    private volatile boolean created;
    private volatile boolean timedOut;
    private volatile int filesSection; // 0: standard error, 1: archive, 2: archive complete
    private PodLogStream mainLog;
    private PodLogStream filesLog;

    private PodRun(
            KubernetesRunner runner,
            RunRequest request,
            RunListener listener,
            KubernetesClient client,
            String namespace,
            PodSpecFactory.PodSpecs specs) {
        this.runner = runner;
        this.request = request;
        this.listener = listener;
        this.client = client;
        this.namespace = namespace;
        this.specs = specs;
        this.collector = new LogCollector(request.masker(), listener);
    }

    /** Starts the run in the background; the specs have been built (and validated) by the caller. */
    static PodRun start(
            KubernetesRunner runner,
            RunRequest request,
            RunListener listener,
            KubernetesClient client,
            String namespace,
            PodSpecFactory.PodSpecs specs) {
        PodRun run = new PodRun(runner, request, listener, client, namespace, specs);
        Thread.ofPlatform()
                .daemon()
                .name("flowbench-pod-" + specs.pod().getMetadata().getName())
                .start(run::supervise);
        return run;
    }

    private String podName() {
        return specs.pod().getMetadata().getName();
    }

    private void supervise() {
        try {
            create();
            Map<String, String> details = details();
            listener.started(request, details);
            if (!awaitRunning()) {
                finish(null);
                return;
            }
            Thread out =
                    startLog(PodSpecFactory.MAIN, (ts, text) -> collector.acceptLine(LogLine.Stream.STDOUT, text, ts));
            Thread err = startLog(PodSpecFactory.FILES, this::filesLine);
            Pod end = awaitCompletion();
            awaitLogs(out, err, end);
            finish(end);
        } catch (RunnerException e) {
            fail(e);
        } catch (KubernetesClientException e) {
            fail(new RunnerException(request.masker().mask(apiMessage(e)), e));
        } catch (RuntimeException e) {
            fail(new RunnerException(request.masker().mask("the Kubernetes runner failed: " + e), e));
        } finally {
            client.close();
        }
    }

    private void create() {
        var pods = client.pods().inNamespace(namespace);
        Pod pod;
        try {
            pod = pods.resource(specs.pod()).create();
        } catch (KubernetesClientException e) {
            throw new RunnerException(
                    request.masker()
                            .mask("cannot create pod " + podName() + " in namespace " + namespace + ": "
                                    + apiMessage(e)),
                    e);
        }
        created = true;
        if (specs.configMap() != null) {
            ConfigMap configMap = specs.configMap();
            String uid = pod.getMetadata().getUid();
            if (uid != null) {
                // Owned by the pod: the cluster removes it with the pod even if Flowbench is gone by then.
                configMap = new ConfigMapBuilder(configMap)
                        .editMetadata()
                        .withOwnerReferences(new OwnerReferenceBuilder()
                                .withApiVersion("v1")
                                .withKind("Pod")
                                .withName(podName())
                                .withUid(uid)
                                .build())
                        .endMetadata()
                        .build();
            }
            try {
                client.configMaps().inNamespace(namespace).resource(configMap).create();
            } catch (KubernetesClientException e) {
                delete();
                throw new RunnerException("cannot create the ConfigMap with the input files: " + apiMessage(e), e);
            }
        }
        if (cancelled.get()) {
            delete();
        }
    }

    private Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pod", podName());
        details.put("namespace", namespace);
        return details;
    }

    /** Waits until {@code main} runs (true), or the run was cancelled (false); throws when the pod cannot run. */
    private boolean awaitRunning() {
        long deadline = System.nanoTime() + runner.runningLimit().toNanos();
        Pod pod = null;
        for (long pause = 50; ; pause = Math.min(pause * 2, 1000)) {
            if (cancelled.get()) {
                return false;
            }
            pod = get();
            if (pod == null) {
                if (cancelled.get()) {
                    return false;
                }
                throw new RunnerException("pod " + podName() + " was deleted by someone else before it ran");
            }
            if (PodProblems.started(pod, PodSpecFactory.MAIN)) {
                return true;
            }
            String fatal = PodProblems.fatal(pod);
            if (fatal != null) {
                delete();
                throw new RunnerException(request.masker().mask("pod " + podName() + ": " + fatal));
            }
            if (System.nanoTime() > deadline) {
                delete();
                throw new RunnerException(request.masker()
                        .mask("pod " + podName() + " was not running within " + runner.runningLimit() + ": "
                                + PodProblems.pending(pod)));
            }
            sleep(pause);
        }
    }

    /** Waits until {@code main} has terminated or the pod ended; deletes it on timeout; null when gone. */
    private Pod awaitCompletion() {
        Duration limit = runner.completionLimit(request);
        long deadline = System.nanoTime() + limit.toNanos();
        for (long pause = 50; ; pause = Math.min(pause * 2, 500)) {
            if (cancelled.get()) {
                return null;
            }
            Pod pod = get();
            if (pod == null) {
                if (cancelled.get()) {
                    return null;
                }
                throw new RunnerException("pod " + podName() + " was deleted by someone else while it ran");
            }
            if (PodProblems.terminated(pod, PodSpecFactory.MAIN) != null) {
                return pod;
            }
            if (pod.getStatus() != null && "Failed".equals(pod.getStatus().getPhase())) {
                return pod;
            }
            if (System.nanoTime() > deadline) {
                timedOut = true;
                delete();
                return null;
            }
            sleep(pause);
        }
    }

    private Thread startLog(String container, PodLogStream.Sink sink) {
        PodLogStream stream = new PodLogStream(client, namespace, podName(), container, sink, () -> stop);
        if (container.equals(PodSpecFactory.MAIN)) {
            mainLog = stream;
        } else {
            filesLog = stream;
        }
        return Thread.ofPlatform()
                .daemon()
                .name("flowbench-log-" + container + "-" + podName())
                .start(stream::run);
    }

    /** The {@code files} log: standard error, then the marker, then the base64 archive, then the end marker. */
    private void filesLine(Instant timestamp, String text) {
        if (filesSection == 0) {
            if (text.endsWith(specs.filesMarker())) {
                // Standard error's last line may lack its newline: the marker then ends that line.
                String last =
                        text.substring(0, text.length() - specs.filesMarker().length());
                if (!last.isEmpty()) {
                    collector.acceptLine(LogLine.Stream.STDERR, last, timestamp);
                }
                filesSection = 1;
            } else {
                collector.acceptLine(LogLine.Stream.STDERR, text, timestamp);
            }
        } else if (filesSection == 1) {
            if (text.equals(specs.endMarker())) {
                filesSection = 2;
            } else {
                archive.add(text);
            }
        }
    }

    /** Gives the log streams {@code waitForLogs} after the end to deliver their last lines. */
    private void awaitLogs(Thread out, Thread err, Pod end) throws RunnerException {
        if (end == null) {
            stopLogs(out, err);
            return;
        }
        long deadline = System.nanoTime() + runner.logsGrace().toNanos();
        join(out, deadline);
        join(err, deadline);
        stopLogs(out, err);
    }

    private void stopLogs(Thread out, Thread err) {
        stop = true;
        if (mainLog != null) {
            mainLog.interrupt();
        }
        if (filesLog != null) {
            filesLog.interrupt();
        }
        join(out, System.nanoTime() + 2_000_000_000L);
        join(err, System.nanoTime() + 2_000_000_000L);
    }

    private void finish(Pod end) {
        boolean killed = cancelled.get() || timedOut;
        int exitCode = 137;
        Map<String, String> details = details();
        String failure = null;
        if (end != null) {
            ContainerStateTerminated terminated = PodProblems.terminated(end, PodSpecFactory.MAIN);
            if (terminated != null && terminated.getExitCode() != null) {
                exitCode = terminated.getExitCode();
                if (terminated.getReason() != null) {
                    details.put("reason", terminated.getReason());
                }
                if ("OOMKilled".equals(terminated.getReason())) {
                    collector.acceptLine(LogLine.Stream.STDERR, "killed: out of memory" + memoryLimit(), Instant.now());
                }
            } else {
                failure = PodProblems.podFailure(end);
            }
            if (failure == null
                    && "Failed".equals(end.getStatus().getPhase())
                    && end.getStatus().getReason() != null) {
                // Evicted or out of time while main had just ended: the node stopped it, say so.
                failure = PodProblems.podFailure(end);
            }
        }
        if (timedOut) {
            collector.acceptLine(
                    LogLine.Stream.STDERR,
                    "timed out after " + runner.completionLimit(request) + "; pod " + podName() + " was deleted",
                    Instant.now());
        }
        collector.close();
        try {
            if (!killed && failure == null) {
                bringBackFiles();
            }
        } finally {
            if (killed || runner.deletes() || failure != null) {
                delete();
            }
        }
        if (failure != null) {
            fail(new RunnerException(request.masker().mask("pod " + podName() + ": " + failure)));
            return;
        }
        RunResult done = new RunResult(
                exitCode,
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

    private String memoryLimit() {
        var limits =
                specs.pod().getSpec().getContainers().getFirst().getResources().getLimits();
        Quantity memory = limits == null ? null : limits.get("memory");
        return memory == null ? "" : " (limit " + memory + ")";
    }

    /** Unpacks the archive the {@code files} sidecar printed into the working and output directories. */
    private void bringBackFiles() {
        if (filesSection != 2) {
            if (!request.outputFiles().isEmpty()) {
                collector.acceptLine(
                        LogLine.Stream.STDERR,
                        "output files did not come back: the files sidecar did not finish within waitForLogs",
                        Instant.now());
            }
            return;
        }
        if (archive.isEmpty()) {
            return;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("flowbench-pod-files");
            FileListing.extract(archive, staging);
            move(staging.resolve("work"), request.workingDirectory());
            move(staging.resolve("out"), request.outputDirectory());
        } catch (IOException | IllegalArgumentException e) {
            throw new RunnerException("cannot unpack the output files: " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private void fail(RunnerException error) {
        stop = true;
        if (created && !deleted.get()) {
            delete();
        }
        collector.close();
        listener.failed(error);
        result.completeExceptionally(error);
    }

    private Pod get() {
        try {
            return client.pods().inNamespace(namespace).withName(podName()).get();
        } catch (KubernetesClientException e) {
            throw new RunnerException("cannot read pod " + podName() + ": " + apiMessage(e), e);
        }
    }

    /** Deletes the pod at once (no grace period) and its ConfigMap; idempotent, never throws. */
    private void delete() {
        if (!created || !deleted.compareAndSet(false, true)) {
            return;
        }
        try {
            client.pods()
                    .inNamespace(namespace)
                    .withName(podName())
                    .withGracePeriod(0)
                    .delete();
        } catch (KubernetesClientException ignored) {
            // already gone, or the cluster is unreachable: the pod's activeDeadlineSeconds still ends it
        }
        if (specs.configMap() != null) {
            try {
                client.configMaps()
                        .inNamespace(namespace)
                        .withName(specs.configMap().getMetadata().getName())
                        .delete();
            } catch (KubernetesClientException ignored) {
                // owned by the pod: the cluster's garbage collector removes it anyway
            }
        }
    }

    @Override
    public void cancel() {
        if (!result.isDone() && cancelled.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("flowbench-cancel-" + podName()).start(() -> {
                delete();
                stop = true;
                if (mainLog != null) {
                    mainLog.interrupt();
                }
                if (filesLog != null) {
                    filesLog.interrupt();
                }
            });
        }
    }

    @Override
    public CompletionStage<RunResult> result() {
        return result.minimalCompletionStage();
    }

    /** The API server's message without the client's stack of wrappers. */
    static String apiMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getMessage() != null && root == e ? e.getMessage() : message;
    }

    private static void join(Thread thread, long deadlineNanos) {
        try {
            long millis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

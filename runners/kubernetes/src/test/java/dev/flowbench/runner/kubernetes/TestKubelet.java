package dev.flowbench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small kubelet for tests: watches the pods created in the mock API server and runs them on the real Docker
 * engine — {@code emptyDir} and ConfigMap volumes as Docker volumes, init containers one after the other, then
 * every container at once — and writes their status (waiting, running, terminated with exit code and reason)
 * and their logs back, so that a runner's pod spec is really exercised: command, env, working directory,
 * volumes, memory and CPU limits. Images are never pulled: the engine's local images are its registry.
 *
 * <p>It also plays the scheduler: a pod whose {@code nodeSelector} does not match {@link #NODE_LABELS} stays
 * Pending with an Unschedulable condition, as on a real cluster without such a node.
 */
final class TestKubelet implements AutoCloseable {

    /** The labels of the one node this kubelet is. */
    static final Map<String, String> NODE_LABELS = Map.of("kubernetes.io/hostname", "test-node", "disk", "ssd");

    /** The Docker label on every container and volume the kubelet creates: namespace/pod name. */
    static final String POD_LABEL = "flowbench.test/pod";

    private final KubernetesClient client;
    private final String id = Long.toHexString(System.nanoTime());
    private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();
    private final Map<String, ContainerLog> logs = new ConcurrentHashMap<>();
    private final Map<String, Pod> seen = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Thread loop;
    private volatile boolean closed;

    TestKubelet(KubernetesClient client) {
        this.client = client;
        this.loop = Thread.ofPlatform().daemon().name("test-kubelet").start(this::watch);
    }

    /** The log of one container so far, or null when it has not started. */
    ContainerLog log(String namespace, String pod, String container) {
        return logs.get(namespace + "/" + pod + "/" + container);
    }

    /** The pod {@code namespace/name} as the kubelet first saw it (its spec as created), or null. */
    Pod seen(String namespace, String name) {
        return seen.get(namespace + "/" + name);
    }

    /** Every pod the kubelet has seen, in the order it first saw them. */
    List<Pod> seenPods() {
        return List.copyOf(seen.values());
    }

    /** The Docker container id of one container of a pod, or null. */
    String dockerId(String namespace, String pod, String container) {
        PodWorker worker = workers.get(namespace + "/" + pod);
        return worker == null ? null : worker.dockerIds.get(container);
    }

    /** Stops a running pod the way a node does when it evicts it or when its deadline passes. */
    void stopPod(String namespace, String pod, String reason, String message) {
        // The watch loop may not have picked the pod up yet on a busy machine: wait for its worker.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        PodWorker worker = workers.get(namespace + "/" + pod);
        while (worker == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            worker = workers.get(namespace + "/" + pod);
        }
        if (worker == null) {
            throw new AssertionError("the test kubelet never saw pod " + namespace + "/" + pod);
        }
        worker.stop(reason, message);
    }

    /** Names of Docker containers and volumes of {@code namespace/pod} that still exist. */
    static List<String> leftovers(String namespace, String pod) {
        List<String> found = new ArrayList<>();
        String filter = "label=" + POD_LABEL + "=" + namespace + "." + pod;
        found.addAll(lines(TestDocker.check(List.of("ps", "-a", "-q", "--filter", filter))));
        found.addAll(lines(TestDocker.check(List.of("volume", "ls", "-q", "--filter", filter))));
        return found;
    }

    private void watch() {
        while (!closed) {
            try {
                List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
                Set<String> present = new java.util.HashSet<>();
                for (Pod pod : pods) {
                    String key = key(pod);
                    present.add(key);
                    seen.putIfAbsent(key, pod);
                    workers.computeIfAbsent(key, k -> new PodWorker(pod));
                }
                for (String key : List.copyOf(workers.keySet())) {
                    if (!present.contains(key)) {
                        workers.remove(key).remove();
                    }
                }
            } catch (RuntimeException e) {
                // the API server is shutting down, or a request raced with it: try again
            }
            sleep(50);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.values().forEach(PodWorker::remove);
        workers.clear();
        String filter = "label=flowbench.test/kubelet=" + id;
        for (String c : lines(TestDocker.check(List.of("ps", "-a", "-q", "--filter", filter)))) {
            TestDocker.run(List.of("rm", "-f", "-v", c), null, 60);
        }
        for (String v : lines(TestDocker.check(List.of("volume", "ls", "-q", "--filter", filter)))) {
            TestDocker.run(List.of("volume", "rm", "-f", v), null, 60);
        }
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    /** The lines one container wrote (stdout and stderr merged, as a node keeps them), with their times. */
    static final class ContainerLog {
        private final List<Instant> times = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private volatile boolean complete;

        synchronized void add(Instant time, String line) {
            int at = times.size();
            while (at > 0 && times.get(at - 1).isAfter(time)) {
                at--;
            }
            times.add(at, time);
            lines.add(at, line);
        }

        /** The log from {@code since} on (null: all), each line prefixed with its time when asked. */
        synchronized String text(Instant since, boolean timestamps) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (since != null && times.get(i).isBefore(since)) {
                    continue;
                }
                if (timestamps) {
                    out.append(times.get(i)).append(' ');
                }
                out.append(lines.get(i)).append('\n');
            }
            return out.toString();
        }

        boolean complete() {
            return complete;
        }

        synchronized int size() {
            return lines.size();
        }
    }

    /** Runs one pod and keeps its status up to date. */
    private final class PodWorker {
        private final Pod pod;
        private final String namespace;
        private final String name;
        private final String label;
        private final Map<String, ContainerStatus> statuses = new ConcurrentHashMap<>();
        private final Map<String, String> dockerIds = new ConcurrentHashMap<>();
        private final List<String> volumes = new CopyOnWriteArrayList<>();
        private final List<PodCondition> conditions = new CopyOnWriteArrayList<>();
        private volatile String phase = "Pending";
        private volatile String reason;
        private volatile String message;
        private volatile boolean removed;
        private volatile Instant startTime;

        PodWorker(Pod pod) {
            this.pod = pod;
            this.namespace = pod.getMetadata().getNamespace();
            this.name = pod.getMetadata().getName();
            this.label = namespace + "." + name;
            Thread.ofPlatform().daemon().name("test-kubelet-" + name).start(this::runPod);
        }

        private void runPod() {
            try {
                if (!schedule()) {
                    return;
                }
                startTime = Instant.now();
                for (Container c : all()) {
                    statuses.put(c.getName(), waiting(c, "PodInitializing", null));
                }
                publish();
                for (Container c : all()) {
                    if (!imagePresent(c.getImage())) {
                        String never =
                                "Never".equals(c.getImagePullPolicy()) ? "ErrImageNeverPull" : "ImagePullBackOff";
                        statuses.put(
                                c.getName(),
                                waiting(c, never, "Back-off pulling image \"" + c.getImage() + "\": not found"));
                        publish();
                        return;
                    }
                }
                prepareVolumes();
                for (Container init : list(pod.getSpec().getInitContainers())) {
                    String docker = start(init);
                    running(init);
                    int code = await(init, docker);
                    if (code != 0 || removed) {
                        phase = "Failed";
                        publish();
                        return;
                    }
                }
                List<Container> containers = pod.getSpec().getContainers();
                List<String> ids = new ArrayList<>();
                for (Container c : containers) {
                    ids.add(start(c));
                }
                containers.forEach(this::running);
                phase = "Running";
                publish();
                List<Thread> waits = new ArrayList<>();
                for (int i = 0; i < containers.size(); i++) {
                    Container c = containers.get(i);
                    String docker = ids.get(i);
                    waits.add(Thread.ofVirtual().start(() -> await(c, docker)));
                }
                watchDeadline(waits);
                for (Thread t : waits) {
                    t.join();
                }
                if (reason == null) {
                    boolean ok = containers.stream().allMatch(c -> exitCode(c.getName()) == 0);
                    phase = ok ? "Succeeded" : "Failed";
                }
                publish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!removed) {
                    reason = "KubeletError";
                    message = e.getMessage();
                    phase = "Failed";
                    publish();
                }
            }
        }

        private List<Container> all() {
            List<Container> all = new ArrayList<>(list(pod.getSpec().getInitContainers()));
            all.addAll(pod.getSpec().getContainers());
            return all;
        }

        private boolean schedule() {
            Map<String, String> selector = pod.getSpec().getNodeSelector();
            if (selector != null
                    && !selector.entrySet().stream().allMatch(e -> e.getValue().equals(NODE_LABELS.get(e.getKey())))) {
                conditions.add(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."
                                + " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
                        .build());
                publish();
                return false;
            }
            conditions.add(new PodConditionBuilder()
                    .withType("PodScheduled")
                    .withStatus("True")
                    .build());
            return true;
        }

        private boolean imagePresent(String image) {
            return TestDocker.run(List.of("image", "inspect", image), null, 30).code() == 0;
        }

        private void prepareVolumes() throws InterruptedException {
            for (Volume volume : list(pod.getSpec().getVolumes())) {
                String docker = dockerVolume(volume.getName());
                TestDocker.check(List.of(
                        "volume",
                        "create",
                        "--label",
                        POD_LABEL + "=" + label,
                        "--label",
                        "flowbench.test/kubelet=" + id,
                        docker));
                volumes.add(docker);
                if (volume.getConfigMap() != null) {
                    ConfigMap map = awaitConfigMap(volume.getConfigMap().getName());
                    for (var entry : map.getData().entrySet()) {
                        var result = TestDocker.run(
                                List.of(
                                        "run",
                                        "--rm",
                                        "-i",
                                        "--network",
                                        "none",
                                        "--label",
                                        "flowbench.test/kubelet=" + id,
                                        "-v",
                                        docker + ":/v",
                                        TestDocker.IMAGE,
                                        "sh",
                                        "-c",
                                        "cat > \"/v/$1\"",
                                        "sh",
                                        entry.getKey()),
                                entry.getValue().getBytes(StandardCharsets.UTF_8),
                                60);
                        if (result.code() != 0) {
                            throw new IllegalStateException("cannot fill volume " + docker + ": " + result.err());
                        }
                    }
                }
            }
        }

        private ConfigMap awaitConfigMap(String configMap) throws InterruptedException {
            while (!removed) {
                ConfigMap map = client.configMaps()
                        .inNamespace(namespace)
                        .withName(configMap)
                        .get();
                if (map != null) {
                    return map;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("pod removed");
        }

        private String dockerVolume(String volume) {
            return "fbk-" + id + "-" + Integer.toHexString(key(pod).hashCode()) + "-" + volume;
        }

        private String start(Container c) {
            List<String> args = new ArrayList<>(List.of(
                    "run",
                    "-d",
                    "--network",
                    "none",
                    "--label",
                    POD_LABEL + "=" + label,
                    "--label",
                    "flowbench.test/kubelet=" + id));
            for (VolumeMount mount : list(c.getVolumeMounts())) {
                args.add("-v");
                args.add(dockerVolume(mount.getName()) + ":" + mount.getMountPath()
                        + (Boolean.TRUE.equals(mount.getReadOnly()) ? ":ro" : ""));
            }
            if (c.getWorkingDir() != null) {
                args.add("-w");
                args.add(c.getWorkingDir());
            }
            for (EnvVar env : list(c.getEnv())) {
                args.add("-e");
                args.add(env.getName() + "=" + env.getValue());
            }
            Map<String, Quantity> limits =
                    c.getResources() == null ? null : c.getResources().getLimits();
            if (limits != null && limits.get("memory") != null) {
                args.add("--memory");
                args.add(Quantity.getAmountInBytes(limits.get("memory"))
                        .toBigInteger()
                        .toString());
                args.add("--memory-swap");
                args.add(Quantity.getAmountInBytes(limits.get("memory"))
                        .toBigInteger()
                        .toString());
            }
            if (limits != null && limits.get("cpu") != null) {
                args.add("--cpus");
                args.add(Quantity.getAmountInBytes(limits.get("cpu")).toPlainString());
            }
            List<String> command = new ArrayList<>(list(c.getCommand()));
            if (!command.isEmpty()) {
                args.add("--entrypoint");
                args.add(command.getFirst());
            }
            args.add(c.getImage());
            if (!command.isEmpty()) {
                args.addAll(command.subList(1, command.size()));
            }
            args.addAll(list(c.getArgs()));
            String docker = TestDocker.check(args);
            dockerIds.put(c.getName(), docker);
            if (removed) {
                TestDocker.run(List.of("rm", "-f", "-v", docker), null, 60);
            }
            ContainerLog log = new ContainerLog();
            logs.put(namespace + "/" + name + "/" + c.getName(), log);
            Thread.ofPlatform().daemon().name("test-kubelet-log-" + c.getName()).start(() -> follow(docker, log));
            return docker;
        }

        private void follow(String docker, ContainerLog log) {
            try {
                Process process = new ProcessBuilder("docker", "logs", "-f", "--timestamps", docker).start();
                Thread err = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), log));
                pump(process.getInputStream(), log);
                err.join();
                process.waitFor();
            } catch (IOException e) {
                log.add(Instant.now(), "test kubelet: cannot read logs: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                log.complete = true;
            }
        }

        private static void pump(InputStream stream, ContainerLog log) {
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int space = line.indexOf(' ');
                    try {
                        log.add(Instant.parse(line.substring(0, space)), line.substring(space + 1));
                    } catch (RuntimeException e) {
                        log.add(Instant.now(), line);
                    }
                }
            } catch (IOException ignored) {
                // the container was removed
            }
        }

        /** Whether Docker saw an OOM kill; its OOM event can trail the exit, so a 137 is asked about a few times. */
        private boolean oomKilled(String docker, int exit) {
            int attempts = exit == 137 ? 20 : 1;
            for (int attempt = 0; attempt < attempts; attempt++) {
                String answer = TestDocker.run(List.of("inspect", "-f", "{{.State.OOMKilled}}", docker), null, 30)
                        .out()
                        .strip();
                if ("true".equals(answer)) {
                    return true;
                }
                if (attempt + 1 < attempts) {
                    sleep(50);
                }
            }
            return false;
        }

        private int await(Container c, String docker) {
            String code =
                    TestDocker.run(List.of("wait", docker), null, 3600).out().strip();
            ContainerLog log = logs.get(namespace + "/" + name + "/" + c.getName());
            for (int i = 0; i < 200 && !log.complete(); i++) {
                sleep(25);
            }
            catchUp(docker, log);
            int exit = code.isEmpty() ? 137 : Integer.parseInt(code);
            boolean oom = oomKilled(docker, exit);
            String why = oom ? "OOMKilled" : exit == 0 ? "Completed" : "Error";
            statuses.put(
                    c.getName(),
                    new ContainerStatusBuilder(base(c))
                            .withNewState()
                            .withNewTerminated()
                            .withExitCode(exit)
                            .withReason(why)
                            .withFinishedAt(Instant.now().toString())
                            .endTerminated()
                            .endState()
                            .build());
            publish();
            return exit;
        }

        /**
         * {@code docker logs -f} may stop before the last lines of a container that just exited (more so on a
         * busy machine); a final full read adds whatever the follower missed.
         */
        private void catchUp(String docker, ContainerLog log) {
            var all = TestDocker.run(List.of("logs", "--timestamps", docker), null, 120);
            List<String> lines = new ArrayList<>(all.out().lines().toList());
            lines.addAll(all.err().lines().toList());
            if (lines.size() <= log.size()) {
                return;
            }
            lines.sort(java.util.Comparator.comparing(line -> line.substring(0, Math.max(0, line.indexOf(' ')))));
            for (String line : lines.subList(log.size(), lines.size())) {
                int space = line.indexOf(' ');
                try {
                    log.add(Instant.parse(line.substring(0, space)), line.substring(space + 1));
                } catch (RuntimeException e) {
                    log.add(Instant.now(), line);
                }
            }
        }

        private void watchDeadline(List<Thread> waits) {
            Long deadline = pod.getSpec().getActiveDeadlineSeconds();
            while (waits.stream().anyMatch(Thread::isAlive) && !removed) {
                if (deadline != null && Instant.now().isAfter(startTime.plusSeconds(deadline))) {
                    stop("DeadlineExceeded", "Pod was active on the node longer than the specified deadline");
                }
                sleep(50);
            }
        }

        void stop(String why, String text) {
            reason = why;
            message = text;
            phase = "Failed";
            // As a node does: the pod's failure is visible before its containers die, so a runner that sees a
            // container end never mistakes it for a plain exit.
            publish();
            dockerIds.values().forEach(d -> TestDocker.run(List.of("kill", d), null, 30));
        }

        private int exitCode(String container) {
            ContainerStatus s = statuses.get(container);
            return s.getState().getTerminated() == null
                    ? -1
                    : s.getState().getTerminated().getExitCode();
        }

        private void running(Container c) {
            statuses.put(
                    c.getName(),
                    new ContainerStatusBuilder(base(c))
                            .withNewState()
                            .withNewRunning()
                            .withStartedAt(Instant.now().toString())
                            .endRunning()
                            .endState()
                            .build());
            publish();
        }

        private ContainerStatus waiting(Container c, String why, String text) {
            return new ContainerStatusBuilder(base(c))
                    .withNewState()
                    .withNewWaiting()
                    .withReason(why)
                    .withMessage(text)
                    .endWaiting()
                    .endState()
                    .build();
        }

        private ContainerStatus base(Container c) {
            return new ContainerStatusBuilder()
                    .withName(c.getName())
                    .withImage(c.getImage())
                    .build();
        }

        private synchronized void publish() {
            if (removed) {
                return;
            }
            PodStatus status = new PodStatus();
            status.setPhase(phase);
            status.setReason(reason);
            status.setMessage(message);
            status.setConditions(List.copyOf(conditions));
            status.setStartTime(startTime == null ? null : startTime.toString());
            List<ContainerStatus> init = new ArrayList<>();
            for (Container c : list(pod.getSpec().getInitContainers())) {
                if (statuses.containsKey(c.getName())) {
                    init.add(statuses.get(c.getName()));
                }
            }
            List<ContainerStatus> regular = new ArrayList<>();
            for (Container c : pod.getSpec().getContainers()) {
                if (statuses.containsKey(c.getName())) {
                    regular.add(statuses.get(c.getName()));
                }
            }
            status.setInitContainerStatuses(init);
            status.setContainerStatuses(regular);
            try {
                client.pods()
                        .inNamespace(namespace)
                        .withName(name)
                        .editStatus(p -> new PodBuilder(p).withStatus(status).build());
            } catch (RuntimeException e) {
                // deleted meanwhile
            }
        }

        void remove() {
            removed = true;
            dockerIds.values().forEach(d -> TestDocker.run(List.of("rm", "-f", "-v", d), null, 60));
            volumes.forEach(v -> TestDocker.run(List.of("volume", "rm", "-f", v), null, 60));
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> lines(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

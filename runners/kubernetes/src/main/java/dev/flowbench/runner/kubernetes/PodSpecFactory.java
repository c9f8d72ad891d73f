package dev.flowbench.runner.kubernetes;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the pod (and the ConfigMap carrying input files) for one run. The layout moves files and standard error
 * without any volume shared with this machine:
 *
 * <ul>
 *   <li>an {@code emptyDir} mounted at {@code /flowbench} in every container;
 *   <li>init container {@code init-files} copies the input files from the ConfigMap into {@code /flowbench/work}
 *       and creates the FIFO {@code /flowbench/io/stderr};
 *   <li>container {@code main} runs the task's command in {@code /flowbench/work} with standard error sent into
 *       the FIFO, so its log is standard output only;
 *   <li>sidecar {@code files} copies the FIFO to its own log (so its log is standard error), and once {@code
 *       main} has closed it, prints a marker line and the output files (see {@link FileListing}).
 * </ul>
 *
 * <p>Everything here is deterministic for a given request, so a plan shows exactly the pod a run creates.
 */
final class PodSpecFactory {

    static final String MAIN = "main";
    static final String FILES = "files";
    static final String INIT = "init-files";
    static final String WORK = "/flowbench/work";
    static final String OUT = "/flowbench/out";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private static final String STDERR_FIFO = "/flowbench/io/stderr";
    private static final String INPUTS = "/flowbench-inputs";
    private static final String SHELL = "/bin/sh";

    private PodSpecFactory() {}

    /**
     * What one run submits.
     *
     * @param pod the pod to create
     * @param configMap the ConfigMap with the input files, or null when there are none
     * @param filesMarker the line the {@code files} sidecar prints between standard error and the archive
     * @param endMarker the line ending the archive, proving it arrived whole
     */
    record PodSpecs(Pod pod, ConfigMap configMap, String filesMarker, String endMarker) {}

    /** The pod and ConfigMap for {@code request} in {@code namespace}; throws a {@link RunnerException} on bad input. */
    static PodSpecs build(KubernetesRunner runner, RunRequest request, String namespace) {
        String image = request.containerImage();
        if (image == null || image.isBlank()) {
            throw new RunnerException("the Kubernetes runner needs containerImage on the task");
        }
        String filesImage = runner.filesImage() == null || runner.filesImage().isBlank() ? image : runner.filesImage();
        String name = podName(request);
        String marker = "::flowbench-files-" + name + "::";
        String endMarker = "::flowbench-files-end-" + name + "::";
        Map<String, String> labels = labels(runner, request);

        List<String> inputNames =
                new ArrayList<>(new java.util.TreeSet<>(request.inputFiles().keySet()));
        for (String input : inputNames) {
            OutputFiles.resolveInside(Path.of(WORK), input, "input file");
        }
        ConfigMap configMap = null;
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < inputNames.size(); i++) {
            data.put("f" + i, request.inputFiles().get(inputNames.get(i)));
        }
        if (!data.isEmpty()) {
            long bytes = data.values().stream()
                    .mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length)
                    .sum();
            if (bytes > 900 * 1024) {
                throw new RunnerException("the input files add up to " + bytes / 1024 + " KiB; the Kubernetes runner"
                        + " passes them in a ConfigMap, which holds at most 1 MiB");
            }
            configMap = new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(name + "-files")
                    .withNamespace(namespace)
                    .withLabels(labels)
                    .endMetadata()
                    .withData(data)
                    .build();
        }

        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder()
                .withName("flowbench")
                .withNewEmptyDir()
                .endEmptyDir()
                .build());
        if (configMap != null) {
            volumes.add(new VolumeBuilder()
                    .withName("inputs")
                    .withNewConfigMap()
                    .withName(configMap.getMetadata().getName())
                    .endConfigMap()
                    .build());
        }
        VolumeMount shared = new VolumeMountBuilder()
                .withName("flowbench")
                .withMountPath("/flowbench")
                .build();

        Container init = new ContainerBuilder()
                .withName(INIT)
                .withImage(filesImage)
                .withImagePullPolicy(pullPolicy(runner))
                .withCommand(SHELL, "-c", initScript(inputNames))
                .withVolumeMounts(
                        configMap == null
                                ? List.of(shared)
                                : List.of(
                                        shared,
                                        new VolumeMountBuilder()
                                                .withName("inputs")
                                                .withMountPath(INPUTS)
                                                .withReadOnly(true)
                                                .build()))
                .build();

        // "; exit $?" keeps the shell from exec-ing the command: the shell stays pid 1 of the container, so the
        // task's own processes get ordinary signal handling (pid 1 ignores even `kill -9 $$` from inside).
        List<String> command =
                new ArrayList<>(List.of(SHELL, "-c", "exec 2>" + STDERR_FIFO + "; \"$@\"; exit $?", "flowbench"));
        command.addAll(request.command().argv());
        Container main = new ContainerBuilder()
                .withName(MAIN)
                .withImage(image)
                .withImagePullPolicy(pullPolicy(runner))
                .withCommand(command)
                .withWorkingDir(WORK)
                .withEnv(env(request))
                .withResources(resources(runner))
                .withVolumeMounts(shared)
                .build();

        Container files = new ContainerBuilder()
                .withName(FILES)
                .withImage(filesImage)
                .withImagePullPolicy(pullPolicy(runner))
                .withCommand(SHELL, "-c", filesScript(request.outputFiles(), marker, endMarker))
                .withVolumeMounts(shared)
                .build();

        var spec = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(deadlineSeconds(runner, request))
                .withInitContainers(init)
                .withContainers(main, files)
                .withVolumes(volumes);
        if (runner.serviceAccountName() != null && !runner.serviceAccountName().isBlank()) {
            spec.withServiceAccountName(runner.serviceAccountName());
        }
        if (runner.nodeSelector() != null && !runner.nodeSelector().isEmpty()) {
            spec.withNodeSelector(new TreeMap<>(runner.nodeSelector()));
        }
        Pod pod = spec.endSpec().build();
        return new PodSpecs(pod, configMap, marker, endMarker);
    }

    /** The pod name: DNS-1123, at most 63 characters, unique per task run attempt and stable for it. */
    static String podName(RunRequest request) {
        var id = request.identity();
        String task = id.taskId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        task = task.replaceAll("^-+|-+$", "");
        if (task.length() > 40) {
            task = task.substring(0, 40).replaceAll("-+$", "");
        }
        String hash = sha256(id.executionId() + "/" + id.taskRunId() + "/" + id.attempt())
                .substring(0, 10);
        return "flowbench-" + (task.isEmpty() ? "" : task + "-") + hash;
    }

    /** The Kubernetes spelling of the runner's pull policy. */
    static String pullPolicy(KubernetesRunner runner) {
        if (runner.pullPolicy() == null) {
            return "IfNotPresent";
        }
        return switch (runner.pullPolicy()) {
            case ALWAYS, Always -> "Always";
            case NEVER, Never -> "Never";
            case IF_NOT_PRESENT, IfNotPresent -> "IfNotPresent";
        };
    }

    private static Map<String, String> labels(KubernetesRunner runner, RunRequest request) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (runner.labels() != null) {
            new TreeMap<>(runner.labels()).forEach((k, v) -> labels.put(k, labelValue(v)));
        }
        request.identity().labels().forEach((k, v) -> labels.put(k, labelValue(v)));
        labels.put(MANAGED_BY, "flowbench");
        return labels;
    }

    /** A label value Kubernetes accepts: at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends. */
    static String labelValue(String value) {
        String clean = value == null ? "" : value.replaceAll("[^A-Za-z0-9._-]", "-");
        if (clean.length() > 63) {
            clean = clean.substring(0, 63);
        }
        return clean.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    private static List<EnvVar> env(RunRequest request) {
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(request.env())
                .forEach((k, v) ->
                        env.add(new EnvVarBuilder().withName(k).withValue(v).build()));
        return env;
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(KubernetesRunner runner) {
        var builder = new ResourceRequirementsBuilder();
        KubernetesRunner.Resources resources = runner.resources();
        if (resources != null) {
            Map<String, Quantity> requests = quantities("resources.request", resources.request());
            Map<String, Quantity> limits = quantities("resources.limit", resources.limit());
            if (!requests.isEmpty()) {
                builder.withRequests(requests);
            }
            if (!limits.isEmpty()) {
                builder.withLimits(limits);
            }
        }
        return builder.build();
    }

    private static Map<String, Quantity> quantities(String property, KubernetesRunner.Quantities values) {
        Map<String, Quantity> map = new LinkedHashMap<>();
        if (values != null) {
            if (values.cpu() != null && !values.cpu().isBlank()) {
                map.put("cpu", new Quantity(Quantities.cpu(property + ".cpu", values.cpu())));
            }
            if (values.memory() != null && !values.memory().isBlank()) {
                map.put("memory", new Quantity(Quantities.memory(property + ".memory", values.memory())));
            }
        }
        return map;
    }

    /** A server-side backstop so that a pod never outlives a Flowbench that died: running plus completion time. */
    private static long deadlineSeconds(KubernetesRunner runner, RunRequest request) {
        Duration total = runner.runningLimit().plus(runner.completionLimit(request));
        return Math.max(1, (total.toMillis() + 999) / 1000);
    }

    private static String initScript(List<String> inputNames) {
        StringBuilder script = new StringBuilder("set -e\n");
        script.append("mkdir -p " + WORK + " " + OUT + " /flowbench/io\n");
        script.append("mkfifo " + STDERR_FIFO + "\n");
        for (int i = 0; i < inputNames.size(); i++) {
            String target = WORK + "/" + inputNames.get(i);
            String parent = target.substring(0, target.lastIndexOf('/'));
            script.append("mkdir -p ")
                    .append(quote(parent))
                    .append(" && cat ")
                    .append(INPUTS)
                    .append("/f")
                    .append(i)
                    .append(" > ")
                    .append(quote(target))
                    .append('\n');
        }
        // A main container running as another user must still be able to write its files and the FIFO.
        script.append("chmod -R a+rwX /flowbench\n");
        return script.toString();
    }

    private static String filesScript(List<String> globs, String marker, String endMarker) {
        StringBuilder find = new StringBuilder("find work out -type f \\( -path 'out/*'");
        for (String glob : globs) {
            for (String pattern : findPatterns(glob)) {
                find.append(" -o -path ").append(quote("work/" + pattern));
            }
        }
        find.append(" \\)");
        return "cat " + STDERR_FIFO + "\n"
                + "echo " + quote(marker) + "\n"
                + "cd /flowbench\n"
                + find + " > /tmp/flowbench-files 2>/dev/null || true\n"
                + FileListing.printLoop() + " < /tmp/flowbench-files\n"
                + "echo " + quote(endMarker) + "\n";
    }

    /**
     * {@code find -path} patterns covering a Java glob: {@code **} becomes {@code *} (which crosses {@code /} in
     * find) and {@code {a,b}} is expanded. They may match more than the glob; the glob filters again locally.
     */
    static List<String> findPatterns(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        int open = g.indexOf('{');
        int close = open < 0 ? -1 : g.indexOf('}', open);
        if (open >= 0 && close > open) {
            List<String> expanded = new ArrayList<>();
            for (String alternative : g.substring(open + 1, close).split(",", -1)) {
                expanded.addAll(findPatterns(g.substring(0, open) + alternative + g.substring(close + 1)));
            }
            return expanded;
        }
        return List.of(g.replace("**", "*"));
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

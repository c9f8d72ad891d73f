package dev.flowbench.runner.kubernetes;

import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Kubernetes task runner: runs a script task's commands in a pod of an existing cluster. */
@Plugin(
        id = "io.kestra.plugin.ee.kubernetes.runner.Kubernetes",
        title = "Kubernetes task runner",
        description =
                "Runs the task's commands in a Kubernetes pod: a container named `main` using the task's `containerImage`, in `namespace`, with the requested resources. Input files reach the pod and output files come back without a shared volume; logs stream while the pod runs and the pod is deleted afterwards.\n\nTypical use: set it in the production environment's `pluginDefaults` so the same flow that runs in Docker during development runs on the cluster in production.",
        icon = "dev/flowbench/runner/kubernetes/kubernetes.svg",
        examples = @Example(title = "Kubernetes in production", code = """
                id: k8s
                namespace: company.team
                tasks:
                  - id: script
                    type: io.kestra.plugin.scripts.shell.Commands
                    containerImage: ubuntu:24.04
                    taskRunner:
                      type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                      namespace: company.team
                      pullPolicy: ALWAYS
                      config:
                        masterUrl: "{{ secret('K8S_MASTER_URL') }}"
                        username: "{{ secret('K8S_USERNAME') }}"
                        caCert: "{{ secret('K8S_CA_CERT') }}"
                        clientCert: "{{ secret('K8S_CLIENT_CERT') }}"
                        clientKey: "{{ secret('K8S_CLIENT_KEY') }}"
                      resources:
                        request:
                          cpu: "500m"
                          memory: "256Mi"
                    commands:
                      - echo "running in a pod"
                """))
public record KubernetesRunner(
        @PluginProperty(
                description =
                        "How to reach the cluster. Without it, the user's kubeconfig (or the in-cluster service account) is used.",
                group = "Connection")
        Config config,

        @PluginProperty(
                description = "The namespace the pod is created in.",
                defaultValue = "default",
                dynamic = true,
                examples = {"company.team"})
        String namespace,

        @PluginProperty(
                description =
                        "When the image is pulled; Kubernetes' own spellings `Always`, `IfNotPresent` and `Never` are accepted too.",
                defaultValue = "IF_NOT_PRESENT")
        PullPolicy pullPolicy,

        @PluginProperty(description = "The service account the pod runs as.", dynamic = true)
        String serviceAccountName,

        @PluginProperty(
                description =
                        "Labels added to the pod, besides the flow, execution and task run labels Flowbench always sets.",
                dynamic = true)
        Map<String, String> labels,

        @PluginProperty(description = "Node labels the pod must be scheduled on.", dynamic = true)
        Map<String, String> nodeSelector,

        @PluginProperty(
                description = "CPU and memory requests and limits of the `main` container.",
                group = "Resources")
        Resources resources,

        @PluginProperty(
                description = "How long to wait for the pod to be scheduled and running.",
                defaultValue = "PT10M")
        Duration waitUntilRunning,

        @PluginProperty(
                description = "How long to wait for the pod to finish; the task's `timeout` overrides it.",
                defaultValue = "PT1H")
        Duration waitUntilCompletion,

        @PluginProperty(
                description = "Grace period for the last log lines after the container ends.",
                defaultValue = "PT30S")
        Duration waitForLogs,

        @PluginProperty(description = "Delete the pod when the task ends.", defaultValue = "true")
        Boolean delete,

        @PluginProperty(
                description =
                        "Image of the `init-files` init container and the `files` sidecar, which move input files, output files and standard error. It needs `sh`, `cat`, `mkfifo`, `find`, `tar` and `base64` (busybox has them all). Defaults to the task's `containerImage`, so that no other image is pulled.",
                dynamic = true,
                examples = {"busybox:1.37"})
        String filesImage)
        implements TaskRunner {

    private static final Duration DEFAULT_RUNNING = Duration.ofMinutes(10);
    private static final Duration DEFAULT_COMPLETION = Duration.ofHours(1);
    private static final Duration DEFAULT_LOGS = Duration.ofSeconds(30);

    /** Where the commands run and where they write output files, inside the pod. */
    @Override
    public Map<String, String> pathVariables(Path workingDirectory, Path outputDirectory) {
        return Map.of("workingDir", PodSpecFactory.WORK, "outputDir", PodSpecFactory.OUT);
    }

    @Override
    public RunHandle run(RunRequest request, RunListener listener) {
        RunListener guarded = RunListener.guarded(listener);
        PodSpecFactory.PodSpecs specs;
        io.fabric8.kubernetes.client.KubernetesClient client;
        String namespace;
        try {
            var config = KubernetesConnection.config(config());
            namespace = namespace(config.getNamespace());
            specs = PodSpecFactory.build(this, request, namespace);
            client = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                    .withConfig(config)
                    .build();
        } catch (RunnerException e) {
            RunnerException masked = new RunnerException(request.masker().mask(e.getMessage()), e);
            guarded.failed(masked);
            throw masked;
        } catch (RuntimeException e) {
            RunnerException error = new RunnerException(
                    request.masker().mask("cannot configure the Kubernetes client: " + e.getMessage()), e);
            guarded.failed(error);
            throw error;
        }
        return PodRun.start(this, request, guarded, client, namespace, specs);
    }

    @Override
    public RunPlan plan(RunRequest request) {
        String connectionNamespace;
        String server;
        try {
            var config = KubernetesConnection.config(config());
            connectionNamespace = config.getNamespace();
            server = config.getMasterUrl();
        } catch (RuntimeException e) {
            connectionNamespace = null;
            server = "(unknown: " + e.getMessage() + ")";
        }
        String namespace = namespace(connectionNamespace);
        PodSpecFactory.PodSpecs specs = PodSpecFactory.build(this, request, namespace);
        var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("server", server);
        spec.put("pod", serialization.convertValue(specs.pod(), Map.class));
        if (specs.configMap() != null) {
            spec.put("configMap", serialization.convertValue(specs.configMap(), Map.class));
        }
        spec.put("waitUntilRunning", runningLimit().toString());
        spec.put("waitUntilCompletion", completionLimit(request).toString());
        spec.put("delete", deletes());
        return RunPlan.of(
                        "Kubernetes",
                        "creates pod " + specs.pod().getMetadata().getName() + " in namespace " + namespace + " from "
                                + request.containerImage(),
                        spec)
                .masked(request.masker());
    }

    /** The namespace pods go to: this runner's, else the connection's, else {@code default}. */
    String namespace(String connectionNamespace) {
        if (namespace() != null && !namespace().isBlank()) {
            return namespace().strip();
        }
        if (config() != null
                && config().namespace() != null
                && !config().namespace().isBlank()) {
            return config().namespace().strip();
        }
        return connectionNamespace == null || connectionNamespace.isBlank() ? "default" : connectionNamespace;
    }

    /** {@code waitUntilRunning} or its default. */
    Duration runningLimit() {
        return waitUntilRunning() == null ? DEFAULT_RUNNING : waitUntilRunning();
    }

    /** The task's timeout when it has one, else {@code waitUntilCompletion} or its default. */
    Duration completionLimit(RunRequest request) {
        if (request.timeout() != null) {
            return request.timeout();
        }
        return waitUntilCompletion() == null ? DEFAULT_COMPLETION : waitUntilCompletion();
    }

    /** {@code waitForLogs} or its default. */
    Duration logsGrace() {
        return waitForLogs() == null ? DEFAULT_LOGS : waitForLogs();
    }

    /** Whether the pod is deleted after a normal end ({@code delete}, default true). */
    boolean deletes() {
        return delete() == null || delete();
    }

    /** The pull policies, in Flowbench's (and Kestra's) spelling. */
    public enum PullPolicy {
        IF_NOT_PRESENT,
        ALWAYS,
        NEVER,
        IfNotPresent,
        Always,
        Never
    }

    /** Connection settings; certificates and keys inline (PEM), base64 ({@code *Data}) or as files. */
    public record Config(
            @PluginProperty(description = "The API server URL, e.g. `https://k8s.example.com:6443`.", dynamic = true)
            String masterUrl,

            @PluginProperty(description = "User name for basic or certificate authentication.", dynamic = true)
            String username,

            @PluginProperty(description = "Password for basic authentication.", dynamic = true)
            String password,

            @PluginProperty(description = "A bearer token.", dynamic = true)
            String oauthToken,

            @PluginProperty(
                    description = "The cluster's CA certificate, PEM text.",
                    dynamic = true,
                    group = "Certificates")
            String caCert,

            @PluginProperty(
                    description =
                            "The CA certificate, base64 encoded (as in a kubeconfig's `certificate-authority-data`).",
                    dynamic = true,
                    group = "Certificates")
            String caCertData,

            @PluginProperty(description = "Path of the CA certificate file.", dynamic = true, group = "Certificates")
            String caCertFile,

            @PluginProperty(description = "The client certificate, PEM text.", dynamic = true, group = "Certificates")
            String clientCert,

            @PluginProperty(
                    description = "The client certificate, base64 encoded.",
                    dynamic = true,
                    group = "Certificates")
            String clientCertData,

            @PluginProperty(
                    description = "Path of the client certificate file.",
                    dynamic = true,
                    group = "Certificates")
            String clientCertFile,

            @PluginProperty(description = "The client private key, PEM text.", dynamic = true, group = "Certificates")
            String clientKey,

            @PluginProperty(
                    description = "The client private key, base64 encoded.",
                    dynamic = true,
                    group = "Certificates")
            String clientKeyData,

            @PluginProperty(
                    description = "Path of the client private key file.",
                    dynamic = true,
                    group = "Certificates")
            String clientKeyFile,

            @PluginProperty(
                    description = "The client key's algorithm.",
                    defaultValue = "RSA",
                    examples = {"RSA", "EC"})
            String clientKeyAlgo,

            @PluginProperty(description = "Trust any server certificate (tests only).", defaultValue = "false")
            Boolean trustCerts,

            @PluginProperty(description = "The default namespace of this connection.", dynamic = true)
            String namespace) {}

    /** Requests and limits of the {@code main} container. */
    public record Resources(
            @PluginProperty(description = "What the scheduler reserves for the pod.")
            Quantities request,

            @PluginProperty(description = "What the container may use at most.")
            Quantities limit) {}

    /** CPU and memory quantities in Kubernetes notation. */
    public record Quantities(
            @PluginProperty(
                    description = "CPU: cores (`1`, `0.5`) or millicores (`500m`).",
                    dynamic = true,
                    pattern = "^([0-9]+(\\.[0-9]+)?m?|.*\\{\\{.*)$",
                    patternHint = "cores such as `1` or `0.5`, or millicores such as `500m`",
                    examples = {"500m"})
            String cpu,

            @PluginProperty(
                    description = "Memory: `256Mi`, `1Gi`, `512M` (Docker's `512m`, `1g` are accepted too).",
                    dynamic = true,
                    pattern = Sizes.PATTERN,
                    patternHint = Sizes.HINT,
                    examples = {"256Mi"})
            String memory) {}
}

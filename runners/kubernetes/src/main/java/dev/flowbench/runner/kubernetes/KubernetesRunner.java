package dev.flowbench.runner.kubernetes;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.time.Duration;
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
        Boolean delete)
        implements RunnerPlugin {

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

package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskIdentity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example workspace's production environment runs the example flow's script task on the test cluster: the
 * runner comes from {@code environments/prod.yaml} with its {@code {{ secret() }}} values resolved, and the
 * connection really uses the client certificate those secrets hold (mutual TLS in front of the API server).
 *
 * <p>The engine's pluginDefaults wiring is not used here: the test reads the environment file and the flow file
 * itself, renders {@code secret()} and {@code inputs} with plain substitution, and builds the request.
 */
@Timeout(120)
class ProdEnvironmentTest {

    private static final Path WORKSPACE = Path.of("../../assets/workspace");
    private static final Pattern SECRET = Pattern.compile("\\{\\{\\s*secret\\('([A-Z0-9_]+)'\\)\\s*}}");

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void seedsProdEnvironmentRunsTheExampleFlowAsAPodWithItsSettingsAndCredentials() throws Exception {
        TestDocker.require();
        TestCertificates certificates = new TestCertificates("prod-deployer");
        try (TestCluster cluster = new TestCluster(true);
                TlsProxy proxy = new TlsProxy(certificates, cluster.port())) {
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("K8S_USERNAME", "prod-deployer");
            secrets.put("K8S_MASTER_URL", proxy.url());
            secrets.put("K8S_CA_CERT", certificates.caPem());
            secrets.put("K8S_CLIENT_CERT", certificates.clientCertPem());
            secrets.put("K8S_CLIENT_KEY", certificates.clientKeyPem());

            Map<String, Object> env = (Map<String, Object>) yaml(WORKSPACE.resolve("environments/prod.yaml"));
            var defaults = (List<Map<String, Object>>) env.get("pluginDefaults");
            Map<String, Object> scripts = defaults.stream()
                    .filter(d -> "io.kestra.plugin.scripts".equals(d.get("type")))
                    .findFirst()
                    .orElseThrow();
            var taskRunner = new LinkedHashMap<>(
                    (Map<String, Object>) ((Map<String, Object>) scripts.get("values")).get("taskRunner"));
            assertThat(taskRunner.remove("type")).isEqualTo("io.kestra.plugin.ee.kubernetes.runner.Kubernetes");
            KubernetesRunner runner = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .convertValue(render(taskRunner, secrets), KubernetesRunner.class);

            Map<String, Object> flow = (Map<String, Object>) yaml(WORKSPACE.resolve("flows/hello.yaml"));
            var task = ((List<Map<String, Object>>) flow.get("tasks")).getFirst();
            List<String> commands = ((List<String>) task.get("commands"))
                    .stream().map(c -> c.replace("{{ inputs.name }}", "world")).toList();
            Path work = Files.createDirectories(temp.resolve("work"));
            Path out = Files.createDirectories(temp.resolve("out"));
            RunRequest request = RunRequest.of(
                            new TaskIdentity(
                                    (String) flow.get("namespace"),
                                    (String) flow.get("id"),
                                    "exec-prod-1",
                                    (String) task.get("id"),
                                    "taskrun-prod-1",
                                    1),
                            RunCommand.of(RunCommand.DEFAULT_INTERPRETER, commands),
                            work,
                            out)
                    .withContainerImage((String) task.get("containerImage"))
                    .withMasker(SecretMasker.of(secrets.values()));

            String plan = runner.plan(request).render();
            assertThat(plan)
                    .contains("namespace: company.team")
                    .contains("imagePullPolicy: Always")
                    .doesNotContain(certificates
                            .clientKeyPem()
                            .lines()
                            .skip(1)
                            .findFirst()
                            .orElseThrow());

            var listener = new RecordingListener();
            RunResult result = runner.run(request, listener).await(Duration.ofSeconds(90));

            assertThat(result.exitCode()).isZero();
            assertThat(listener.stdout()).containsExactly("Hello, world!");
            assertThat(result.outputs()).containsEntry("greeting", "hello");
            Pod pod = cluster.kubelet().seen("company.team", PodSpecFactory.podName(request));
            assertThat(pod.getMetadata().getNamespace()).isEqualTo("company.team");
            Container main = pod.getSpec().getContainers().getFirst();
            assertThat(main.getName()).isEqualTo("main");
            assertThat(main.getImage()).isEqualTo(TestDocker.IMAGE);
            assertThat(main.getImagePullPolicy()).isEqualTo("Always");
            assertThat(main.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");
            assertThat(main.getResources().getRequests().get("memory").toString())
                    .isEqualTo("256Mi");
            assertThat(proxy.clientSubjects())
                    .as("every connection authenticated with the client certificate from K8S_CLIENT_CERT")
                    .isNotEmpty()
                    .allMatch("CN=prod-deployer"::equals);
            assertThat(cluster.requests()).contains("POST /api/v1/namespaces/company.team/pods");
        }
    }

    private static Object yaml(Path file) throws Exception {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Object render(Object value, Map<String, String> secrets) {
        return switch (value) {
            case String text -> {
                Matcher m = SECRET.matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(secrets.get(m.group(1))));
                }
                yield m.appendTail(out).toString();
            }
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, render(v, secrets)));
                yield copy;
            }
            default -> value;
        };
    }
}

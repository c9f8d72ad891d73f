package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.engine.Engine;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.FlowRun;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.RunEventListener;
import dev.flowbench.engine.RunnerResolver;
import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskPlan;
import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.PluginDefaults;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.yaml.YamlDocument;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workspace's production environment runs the example flow (the same file as in dev) through the
 * engine on the test cluster: {@code environments/prod.yaml}'s pluginDefaults turn its script task into a pod
 * with the seed's settings, and the connection really uses the client certificate its {@code secret()}s hold
 * (mutual TLS in front of the API server).
 */
@Timeout(180)
class ProdEnvironmentTest {

    private static final Path WORKSPACE = Path.of("../../assets/workspace");

    @TempDir
    Path data;

    @Test
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

            String yaml = Files.readString(WORKSPACE.resolve("flows/hello.yaml"));
            Environment prod = Environment.load(WORKSPACE, "prod");
            MergedFlow flow = PluginDefaults.apply(YamlDocument.parse(yaml), prod.defaultsFor("company.team"));
            Engine engine = Engine.builder(data)
                    .runners(RunnerResolver.of(PluginRegistry.builtIn()))
                    .build();
            FlowRun run = FlowRun.of(flow.flow())
                    .withSource(yaml)
                    .withSecrets(secrets)
                    .withEnvironment("prod");

            List<TaskPlan> plans = engine.plan(run);
            String plan = plans.stream()
                    .map(p ->
                            p.plan() == null ? "error: " + p.error() : p.plan().render() + p.runnerConfig())
                    .reduce("", String::concat);
            assertThat(plan)
                    .contains("namespace: company.team")
                    .contains("imagePullPolicy: Always")
                    .contains("cpu: 500m")
                    .doesNotContain(certificates
                            .clientKeyPem()
                            .lines()
                            .skip(1)
                            .findFirst()
                            .orElseThrow());

            List<String> messages = new CopyOnWriteArrayList<>();
            Execution done = engine.run(run, new RunEventListener() {
                @Override
                public void log(LogEntry entry) {
                    messages.add(entry.message());
                }
            });

            assertThat(done.state()).as(String.join("\n", messages)).isEqualTo(State.SUCCESS);
            assertThat(done.taskRun("greet").orElseThrow().outputs())
                    .containsEntry("vars", Map.of("greeting", "hello"))
                    .containsEntry("exitCode", 0);
            assertThat(messages).anyMatch(m -> m.contains("Hello, world!"));
            assertThat(messages).anyMatch(m -> m.contains("The greeting task said hello"));

            List<Pod> pods =
                    cluster.admin().pods().inNamespace("company.team").list().getItems();
            assertThat(pods).as("the pod was deleted after the run").isEmpty();
            Pod pod = cluster.kubelet().seenPods().getFirst();
            assertThat(pod.getMetadata().getNamespace()).isEqualTo("company.team");
            assertThat(pod.getMetadata().getLabels()).containsEntry("flowbench.dev/flow", "hello");
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
}

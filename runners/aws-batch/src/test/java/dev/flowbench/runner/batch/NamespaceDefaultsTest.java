package dev.flowbench.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.engine.Engine;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.FlowRun;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.RunEventListener;
import dev.flowbench.engine.RunnerResolver;
import dev.flowbench.engine.State;
import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.PluginDefaults;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's promise for Batch: credentials set once as namespace-level pluginDefaults (the example workspace's
 * {@code environments/prod.yaml}, namespace {@code company.team.batch}) with {@code {{ secret() }}} values reach a
 * task that names only its queue and bucket — and every request the local Batch endpoint receives is signed
 * with that access key for {@code us-east-1}.
 */
@Timeout(180)
class NamespaceDefaultsTest {

    private static final Path WORKSPACE = Path.of("../../assets/workspace");

    @TempDir
    Path data;

    @Test
    void namespaceDefaultsCredentialsSignEveryBatchRequestForTheirRegion() throws Exception {
        TestDocker.require();
        try (FakeAws aws = new FakeAws()) {
            aws.trust("AKIDNAMESPACE0042", "namespace-secret-key-0042");
            String yaml = """
                    id: batch_hello
                    namespace: company.team.batch
                    tasks:
                      - id: greet
                        type: io.kestra.plugin.scripts.shell.Commands
                        containerImage: local/busybox:1
                        taskRunner:
                          type: io.kestra.plugin.ee.aws.runner.Batch
                          endpointOverride: %s
                          jobQueueArn: %s
                          bucket: %s
                          completionCheckInterval: PT0.2S
                        commands:
                          - echo "Hello from Batch"
                    """.formatted(aws.endpoint(), BatchRunnerTest.QUEUE, BatchRunnerTest.BUCKET);
            Environment prod = Environment.load(WORKSPACE, "prod");
            MergedFlow flow = PluginDefaults.apply(YamlDocument.parse(yaml), prod.defaultsFor("company.team.batch"));
            Map<String, String> secrets = Map.of(
                    "AWS_ACCESS_KEY_ID", "AKIDNAMESPACE0042",
                    "AWS_SECRET_ACCESS_KEY", "namespace-secret-key-0042");
            List<String> messages = new CopyOnWriteArrayList<>();
            Execution done = Engine.builder(data)
                    .runners(RunnerResolver.of(PluginRegistry.builtIn()))
                    .build()
                    .run(
                            FlowRun.of(flow.flow())
                                    .withSource(yaml)
                                    .withSecrets(secrets)
                                    .withEnvironment("prod"),
                            new RunEventListener() {
                                @Override
                                public void log(LogEntry entry) {
                                    messages.add(entry.message());
                                }
                            });

            assertThat(done.state()).as(String.join("\n", messages)).isEqualTo(State.SUCCESS);
            assertThat(messages).contains("Hello from Batch");
            String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
            List<FakeAws.Call> batch = aws.calls().stream()
                    .filter(c -> c.service().equals("batch"))
                    .toList();
            assertThat(batch)
                    .extracting(FakeAws.Call::operation)
                    .contains("registerjobdefinition", "submitjob", "describejobs", "deregisterjobdefinition");
            assertThat(batch)
                    .allSatisfy(call -> assertThat(call.authorization())
                            .startsWith("AWS4-HMAC-SHA256 Credential=AKIDNAMESPACE0042/" + day
                                    + "/us-east-1/batch/aws4_request"));
            assertThat(aws.calls().stream().filter(c -> c.service().equals("logs")))
                    .isNotEmpty()
                    .allSatisfy(call -> assertThat(call.authorization())
                            .startsWith("AWS4-HMAC-SHA256 Credential=AKIDNAMESPACE0042/" + day
                                    + "/us-east-1/logs/aws4_request"));
            assertThat(String.join("\n", messages)).doesNotContain("namespace-secret-key-0042");
        }
    }
}

package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.engine.Engine;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.FlowRun;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.RunEventListener;
import dev.flowbench.engine.RunnerResolver;
import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskRun;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custom plugin path end to end: the SSH runner's shaded JAR, as the build packaged it, is copied into a
 * fresh workspace's {@code plugins/} and every command then knows it, through a new registry each time (a
 * "restart"). The JAR is never on this test's class path: Flowbench meets it only through the plugins folder.
 */
class SshPluginEndToEndTest {
    private static final String TYPE = "dev.flowbench.plugin.runner.ssh.Ssh";

    private static LocalSshServer server;

    @TempDir
    Path workspace;

    private Path installedJar;

    @BeforeAll
    static void startServer() throws Exception {
        server = LocalSshServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void installThePluginIntoAFreshWorkspace() throws Exception {
        String built = System.getProperty("flowbench.test.sshPluginJar");
        assertThat(built)
                .as("the build passes the SSH plugin JAR's path (run the tests through Maven with -am)")
                .isNotBlank()
                .endsWith(".jar");
        Files.createDirectories(workspace.resolve("flows"));
        Path plugins = Files.createDirectories(workspace.resolve("plugins"));
        installedJar = Files.copy(Path.of(built), plugins.resolve("flowbench-runner-ssh.jar"));
    }

    @Test
    void withoutThePluginsFolderFlowbenchDoesNotKnowTheRunner() {
        assertThat(PluginRegistry.builtIn().find(TYPE)).isEmpty();
        assertThat(CliRun.of(
                                "docs",
                                TYPE,
                                "--workspace",
                                workspace.resolveSibling("elsewhere").toString())
                        .exitCode())
                .isNotZero();
    }

    @Test
    void pluginsListsItAsATaskRunnerWithTheJarItCameFrom() {
        CliRun run = CliRun.of("plugins", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern(TYPE.replace(".", "\\.") + " +task runner +SSH task runner +"
                        + java.util.regex.Pattern.quote(installedJar.toString()))
                .doesNotContain("Problems");
    }

    @Test
    void theExportedSchemaOffersItAmongTheTaskRunnerAlternatives() throws Exception {
        CliRun run = CliRun.of("schema", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode schema = JsonMapper.builder().build().readTree(run.out());
        assertThat(schema.at("/definitions/taskRunners/anyOf").toString()).contains("#/definitions/" + TYPE);
        JsonNode ssh = schema.at("/definitions/" + TYPE.replace("~", "~0").replace("/", "~1"));
        assertThat(ssh.at("/properties/type/const").asString()).isEqualTo(TYPE);
        assertThat(ssh.at("/properties").propertyNames())
                .contains("host", "port", "username", "password", "privateKey", "knownHosts", "hostKey")
                .contains("strictHostKeyChecking", "tempDirectory", "killGracePeriod");
        assertThat(ssh.at("/required").toString()).contains("\"host\"", "\"username\"");
        assertThat(ssh.at("/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void docsPrintsItsPageFromItsAnnotations() {
        CliRun run = CliRun.of("docs", TYPE, "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("# SSH task runner", "Host keys are checked")
                .contains("| `host` | string |", "| `strictHostKeyChecking` | boolean | `true` |")
                .contains("## Example", "type: " + TYPE);
    }

    @Test
    void validateAcceptsAFlowUsingItAndRejectsAnUnknownPropertyOnIt() throws Exception {
        Path good = Files.writeString(workspace.resolve("flows/remote.yaml"), flow("port: 2222"));
        Path bad = Files.writeString(workspace.resolve("flows/typo.yaml"), flow("hostname: build-01"));

        CliRun accepted = CliRun.of("validate", "--workspace", workspace.toString(), good.toString());
        CliRun rejected = CliRun.of("validate", "--workspace", workspace.toString(), bad.toString());

        assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("0 errors, 0 warnings");
        assertThat(rejected.exitCode()).as(rejected.out() + rejected.err()).isEqualTo(FlowbenchCommand.FAILED);
        assertThat(rejected.out()).contains("typo.yaml:9:7: error: unknown property `hostname` of SSH task runner");
    }

    @Test
    void everyDocumentedExampleOfThePluginValidates() throws Exception {
        PluginDescriptor plugin = PluginRegistry.load(PluginDirectories.of(workspace, List.of()))
                .find(TYPE)
                .orElseThrow();
        assertThat(plugin.examples()).isNotEmpty();
        for (int i = 0; i < plugin.examples().size(); i++) {
            Files.writeString(
                    workspace.resolve("flows/example-" + i + ".yaml"),
                    plugin.examples().get(i).code());
        }

        CliRun run = CliRun.of(
                "validate",
                "--workspace",
                workspace.toString(),
                workspace.resolve("flows").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(plugin.examples().size() + " files checked: 0 errors, 0 warnings");
    }

    @Test
    void theEngineRunsAShellTaskThroughThePluginOnTheServerWithOutputsAndOutputFilesComingBack() throws Exception {
        PluginRegistry registry = PluginRegistry.load(PluginDirectories.of(workspace, List.of()));
        assertThat(registry.find(TYPE).orElseThrow().type().getClassLoader())
                .as("loaded by the plugin's own class loader")
                .isNotSameAs(getClass().getClassLoader());
        Engine engine = Engine.builder(workspace.resolve(".flowbench"))
                .workspace(workspace)
                .runners(RunnerResolver.of(registry))
                .build();
        String flow = remoteFlow();
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
                        org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                .loadFromString(flow);
        List<LogEntry> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunEventListener listener = new RunEventListener() {
            @Override
            public void log(LogEntry entry) {
                logs.add(entry);
            }
        };

        Execution done =
                engine.run(FlowRun.of(parsed).withSecrets(Map.of("SSH_PASSWORD", LocalSshServer.PASSWORD)), listener);

        TaskRun count = done.taskRun("count").orElseThrow();
        assertThat(count.state()).as(count.error() + " " + logs).isEqualTo(State.SUCCESS);
        assertThat(logs)
                .extracting(LogEntry::message)
                .anySatisfy(line -> assertThat(line).matches("counted 3 lines as hello in /tmp/flowbench-\\w+/work"));
        assertThat(count.outputs()).containsEntry("vars", Map.of("lines", 3));
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>) count.outputs().get("outputFiles");
        assertThat(Files.readString(Path.of(files.get("count.txt").toString()))).isEqualTo("3\n");
    }

    /** A flow counting the lines of an input file on the in-process SSH server, with an output value and file. */
    private static String remoteFlow() {
        return """
                id: remote
                namespace: company.team
                tasks:
                  - id: count
                    type: io.kestra.plugin.scripts.shell.Commands
                    taskRunner:
                      type: %s
                      host: 127.0.0.1
                      port: %d
                      username: %s
                      password: "{{ secret('SSH_PASSWORD') }}"
                      hostKey: "%s"
                    env:
                      GREETING: hello
                    inputFiles:
                      data.csv: |
                        a
                        b
                        c
                    outputFiles:
                      - count.txt
                    commands:
                      - wc -l < data.csv | tr -d ' ' > count.txt
                      - echo "counted $(cat count.txt) lines as $GREETING in $(pwd)"
                      - echo '::{"outputs":{"lines":'$(cat count.txt)'}}::'
                """.formatted(TYPE, server.port(), LocalSshServer.USER, server.hostKeyLine());
    }

    @Test
    void flowbenchRunRunsAShellTaskThroughThePluginFromTheCommandLine() throws Exception {
        Files.createDirectories(workspace.resolve("environments"));
        Files.writeString(workspace.resolve("environments/remote.yaml"), "secrets:\n  file: secrets/remote.env\n");
        Files.createDirectories(workspace.resolve("secrets"));
        Path secrets = Files.writeString(
                workspace.resolve("secrets/remote.env"), "SSH_PASSWORD=" + LocalSshServer.PASSWORD + "\n");
        Files.setPosixFilePermissions(secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(workspace.resolve("flows"));
        Path flow = Files.writeString(workspace.resolve("flows/remote.yaml"), remoteFlow());

        CliRun run = CliRun.of("run", "--env", "remote", flow.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern("counted 3 lines as hello in /tmp/flowbench-\\w+/work")
                .contains("\"vars\":{\"lines\":3}", "count.txt", "SUCCESS")
                .doesNotContain(LocalSshServer.PASSWORD);
    }

    private static String flow(String extraRunnerProperty) {
        return """
                id: remote
                namespace: company.team
                tasks:
                  - id: report
                    type: io.kestra.plugin.scripts.shell.Commands
                    taskRunner:
                      type: %s
                      host: build-01.example.com
                      %s
                      username: flowbench
                      password: "{{ secret('SSH_PASSWORD') }}"
                    commands:
                      - hostname
                """.formatted(TYPE, extraRunnerProperty);
    }
}

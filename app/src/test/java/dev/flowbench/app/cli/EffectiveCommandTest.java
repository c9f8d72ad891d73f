package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.workspace.ExampleWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's promise: the same flow file runs with Docker in dev and Kubernetes in prod. */
class EffectiveCommandTest {
    private static final String FLOW = """
            id: seed
            namespace: company.team
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: ubuntu:24.04
                commands:
                  - echo "same flow, any runner"
            """;

    @TempDir
    Path workspace;

    Path flow;

    @BeforeEach
    void copyTheExampleEnvironments() throws Exception {
        Path environments = Files.createDirectories(workspace.resolve("environments"));
        for (String name : new String[] {"dev.yaml", "prod.yaml"}) {
            Files.copy(ExampleWorkspace.path().resolve("environments").resolve(name), environments.resolve(name));
        }
        Path secrets = Files.createDirectories(workspace.resolve("secrets"));
        Files.writeString(secrets.resolve("dev.env"), "");
        Files.writeString(secrets.resolve("prod.env"), """
                K8S_USERNAME=flowbench
                K8S_MASTER_URL=https://k8s.example.com:6443
                K8S_CA_CERT=ca
                K8S_CLIENT_CERT=cert
                K8S_CLIENT_KEY=key
                AWS_ACCESS_KEY_ID=AKIAEXAMPLE
                AWS_SECRET_ACCESS_KEY=secret
                """);
        for (String name : new String[] {"dev.env", "prod.env"}) {
            Files.setPosixFilePermissions(secrets.resolve(name), PosixFilePermissions.fromString("rw-------"));
        }
        flow = Files.writeString(
                Files.createDirectories(workspace.resolve("flows")).resolve("seed.yaml"), FLOW);
    }

    @Test
    void theSeedFlowValidatesCleanInBothEnvironments() {
        for (String environment : new String[] {"dev", "prod"}) {
            CliRun run = CliRun.of("validate", "--env", environment, workspace.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).as(environment).contains("0 errors, 0 warnings");
        }
    }

    @Test
    void inDevelopmentTheTaskRunsInDockerWithTheSeedsLimits() {
        CliRun run = CliRun.of("effective", "--env", "dev", flow.toString(), "--task", "script");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  type: io.kestra.plugin.scripts.runner.docker.Docker  # instance default #1 in"
                        + " environments/dev.yaml, line 6")
                .contains("  pullPolicy: IF_NOT_PRESENT  # instance default #1 in environments/dev.yaml, line 7")
                .contains("    cpus: 1  # instance default #1 in environments/dev.yaml")
                .contains("    memory: \"512Mi\"  # instance default #1 in environments/dev.yaml")
                .contains("containerImage: ubuntu:24.04  # task itself, line 6");
    }

    @Test
    void inProductionTheSameFlowRunsOnKubernetesWithSecretBackedConfig() {
        CliRun run = CliRun.of("effective", "--env", "prod", flow.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes  # instance default #1 in"
                        + " environments/prod.yaml")
                .contains("  namespace: company.team  #", "  pullPolicy: ALWAYS  #")
                .contains(
                        "    username: \"{{ secret('K8S_USERNAME') }}\"",
                        "    masterUrl: \"{{ secret('K8S_MASTER_URL') }}\"")
                .contains(
                        "    caCert: \"{{ secret('K8S_CA_CERT') }}\"",
                        "    clientCert: \"{{ secret('K8S_CLIENT_CERT') }}\"")
                .contains("    clientKey: \"{{ secret('K8S_CLIENT_KEY') }}\"")
                .contains("      cpu: \"500m\"  #", "      memory: \"256Mi\"  #")
                .doesNotContain("docker");
    }

    @Test
    void anUnknownTaskNamesTheTasksThereAre() {
        CliRun run = CliRun.of("effective", "--env", "dev", flow.toString(), "--task", "nope");

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.UNUSABLE);
        assertThat(run.err()).contains("no task 'nope'", "(tasks: script)");
    }

    @Test
    void aWrongValueInAnEnvironmentDefaultIsReportedThereAndOnTheTask() throws Exception {
        Path dev = workspace.resolve("environments/dev.yaml");
        Files.writeString(dev, Files.readString(dev).replace("pullPolicy: IF_NOT_PRESENT", "pullPolicy: SOMETIMES"));

        CliRun run = CliRun.of("validate", "--env", "dev", flow.toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.FAILED);
        assertThat(run.out())
                .contains(flow + ":4:3: error: `SOMETIMES` is not a valid pullPolicy")
                .contains("(value from instance default #1 in environments/dev.yaml, line 7)")
                .contains("environments/dev.yaml:7:21: error: `SOMETIMES` is not a valid pullPolicy");
    }
}

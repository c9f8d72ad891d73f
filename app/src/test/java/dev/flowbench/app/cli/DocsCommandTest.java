package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocsCommandTest {
    private static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";

    @Test
    void dockerDocsListEveryPropertyWithTypeAndDefaultAndAnExample() {
        CliRun run = CliRun.of("docs", DOCKER);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> properties = List.of(
                "host",
                "config",
                "credentials",
                "credentials.registry",
                "credentials.username",
                "credentials.password",
                "credentials.registryToken",
                "credentials.identityToken",
                "credentials.auth",
                "pullPolicy",
                "user",
                "entryPoint",
                "extraHosts",
                "networkMode",
                "portBindings",
                "volumes",
                "deviceRequests",
                "cpu",
                "cpu.cpus",
                "memory",
                "memory.memory",
                "memory.memorySwap",
                "memory.memorySwappiness",
                "memory.memoryReservation",
                "memory.kernelMemory",
                "memory.oomKillDisable",
                "shmSize",
                "privileged",
                "fileHandlingStrategy",
                "delete",
                "wait",
                "killGracePeriod");
        for (String property : properties) {
            assertThat(run.out()).contains("| `" + property + "` | ");
        }
        assertThat(run.out()).contains("| `pullPolicy` | enum | `IF_NOT_PRESENT` |");
        assertThat(run.out()).contains("`IF_NOT_PRESENT`, `ALWAYS`, `NEVER`");
        assertThat(run.out()).contains("## Example", "```yaml", "type: " + DOCKER);
    }

    @Test
    void jsonFormatCarriesTheSameProperties() {
        CliRun run = CliRun.of("docs", DOCKER, "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"type\" : \"" + DOCKER + "\"", "\"name\" : \"pullPolicy\"");
    }

    @Test
    void anUnknownTypeSuggestsTheClosestInstalledOne() {
        CliRun run = CliRun.of("docs", "docker");

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.UNUSABLE);
        assertThat(run.err()).contains("unknown plugin type docker", DOCKER).hasLineCount(1);
    }

    @Test
    void pluginsListsBuiltInRunnersWithTheirOrigin() {
        CliRun run = CliRun.of("plugins");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("io\\.kestra\\.plugin\\.ee\\.kubernetes\\.runner\\.Kubernetes +task runner .*built-in")
                .contains(DOCKER, "io.kestra.plugin.ee.aws.runner.Batch");
    }
}

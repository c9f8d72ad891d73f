package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.workspace.ExampleWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String FLOW = """
            id: docker_flow
            namespace: company.team
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: local/busybox:1
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: %s
                  cpu:
                    cpus: 1
                  memory:
                    memory: 512Mi
                commands:
                  - echo hello
            """;

    @TempDir
    Path workspace;

    private Path flow(String pullPolicy) throws Exception {
        Path flows = Files.createDirectories(workspace.resolve("flows"));
        return Files.writeString(flows.resolve("docker.yaml"), FLOW.formatted(pullPolicy));
    }

    @Test
    void theExampleWorkspaceValidatesClean() {
        CliRun run = CliRun.of("validate", ExampleWorkspace.path().toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 errors, 0 warnings");
    }

    @Test
    void aRunnerWithEveryPropertyRightHasNoDiagnostics() throws Exception {
        CliRun run = CliRun.of("validate", flow("IF_NOT_PRESENT").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().strip()).isEqualTo("1 file checked: 0 errors, 0 warnings");
    }

    @Test
    void aBadPullPolicyIsReportedAtItsValueInTheCompilerFormat() throws Exception {
        Path file = flow("SOMETIMES");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.FAILED);
        assertThat(run.out().lines().findFirst().orElseThrow())
                .isEqualTo(file + ":9:19: error: `SOMETIMES` is not a valid pullPolicy; expected one of"
                        + " IF_NOT_PRESENT, ALWAYS, NEVER [invalid-enum]");
    }

    @Test
    void jsonOutputCarriesRangesCodesAndQuickFixData() throws Exception {
        CliRun run = CliRun.of("validate", "--format", "json", flow("ALWAYZ").toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.FAILED);
        assertThat(run.out())
                .contains("\"line\" : 9", "\"column\" : 19", "\"endColumn\" : 25", "\"code\" : \"invalid-enum\"")
                .contains("\"suggestion\" : \"ALWAYS\"", "\"allowedValues\"");
    }

    @Test
    void aMissingFileIsUnusableInputInOneLine() {
        CliRun run = CliRun.of("validate", workspace.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.UNUSABLE);
        assertThat(run.err().strip()).startsWith("flowbench: no such file").hasLineCount(1);
    }

    @Test
    void anUnknownEnvironmentNamesTheKnownOnes() throws Exception {
        Files.createDirectories(workspace.resolve("environments"));
        Files.writeString(workspace.resolve("environments/dev.yaml"), "pluginDefaults: []\n");

        CliRun run = CliRun.of("validate", "--env", "staging", flow("ALWAYS").toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.UNUSABLE);
        assertThat(run.err())
                .contains("no environment 'staging'", "(known: dev)")
                .hasLineCount(1);
    }

    @Test
    void aBinaryFileIsReportedNotThrown() throws Exception {
        Path binary = Files.write(workspace.resolve("image.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});

        CliRun run = CliRun.of("validate", binary.toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.FAILED);
        assertThat(run.out()).contains("[yaml-binary]").doesNotContain("Exception");
    }
}

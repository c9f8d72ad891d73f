package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.workspace.ExampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code flowbench run} of every example flow, with the Process runner, on a copy of the example workspace. */
class RunCommandTest {
    @TempDir
    Path workspace;

    @BeforeEach
    void copyTheExampleWorkspace() throws IOException {
        Path source = ExampleWorkspace.path();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith(".flowbench")) {
                    continue;
                }
                Path target = workspace.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private Path flow(String name) {
        return workspace.resolve("flows").resolve(name + ".yaml");
    }

    @ParameterizedTest(name = "{0} ends {1} with exit code {2}")
    @CsvSource({
        "hello, SUCCESS, 0",
        "inputs-and-outputs, SUCCESS, 0",
        "parallel-and-foreach, SUCCESS, 0",
        "python-script, SUCCESS, 0",
        "output-file, SUCCESS, 0",
        "failing-with-errors, FAILED, 1"
    })
    void everyExampleFlowRunsWithTheExpectedStateExitCodeAndHistory(String name, String state, int exitCode) {
        CliRun run = CliRun.of("run", flow(name).toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        assertThat(run.out()).containsPattern("Execution \\S+ of company\\.team\\.\\S+: " + state);
        CliRun history = CliRun.of("history", "--workspace", workspace.toString());
        assertThat(history.out()).containsPattern("company\\.team\\.\\S+ +" + state);
    }

    @Test
    void outputsOfOneTaskFeedTheNextAndTheSummaryShowsThem() {
        CliRun run =
                CliRun.of("run", flow("inputs-and-outputs").toString(), "--input", "name=Grace", "--input", "count=2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Grace has 5 letters",
                        "outputs of count_letters: {\"vars\":{\"letters\":5,\"name\":\"Grace\"}");
    }

    @Test
    void theLogsOfAPastExecutionCanBeReadBack() {
        CliRun run = CliRun.of("run", flow("hello").toString());
        String id = run.out()
                .lines()
                .filter(l -> l.startsWith("Execution "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];

        CliRun logs = CliRun.of("logs", "--workspace", workspace.toString(), id.substring(0, 8));

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("greet INFO  Hello, world!", "Execution " + id + ": SUCCESS");
    }

    @Test
    void aMissingRequiredInputListsTheInputsAndTheirTypes() throws IOException {
        Path strict = Files.writeString(workspace.resolve("flows/strict.yaml"), """
                id: strict
                namespace: company.team
                inputs:
                  - id: region
                    type: SELECT
                    values: [eu, us]
                  - id: size
                    type: INT
                tasks:
                  - id: show
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ inputs.region }} {{ inputs.size }}"
                """);

        CliRun run = CliRun.of("run", strict.toString(), "--input", "region=eu");

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.UNUSABLE);
        assertThat(run.err()).contains("size").contains("INT").hasLineCount(1);
    }

    @Test
    void anInvalidFlowIsNotRunAndSaysWhy() throws IOException {
        Path broken = Files.writeString(workspace.resolve("flows/broken.yaml"), """
                id: broken
                namespace: company.team
                tasks:
                  - id: show
                    type: io.kestra.plugin.core.log.Log
                    mesage: hi
                """);

        CliRun run = CliRun.of("run", broken.toString());

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.FAILED);
        assertThat(run.err()).contains("broken.yaml:6:5: error: unknown property `mesage`", "nothing was run");
        assertThat(CliRun.of("history", "--workspace", workspace.toString()).out())
                .contains("No executions yet");
    }

    @Test
    void aSecretNeverAppearsInTheLogOrTheHistory() throws IOException {
        Files.writeString(workspace.resolve("secrets/dev.env"), "TOKEN=s3cr3t-value\n");
        Files.setPosixFilePermissions(
                workspace.resolve("secrets/dev.env"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(workspace.resolve("environments/local.yaml"), "secrets:\n  file: secrets/dev.env\n");
        Path leaky = Files.writeString(workspace.resolve("flows/leaky.yaml"), """
                id: leaky
                namespace: company.team
                tasks:
                  - id: echo
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "token={{ secret('TOKEN') }}"
                """);

        CliRun run = CliRun.of("run", "--env", "local", leaky.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("token=******").doesNotContain("s3cr3t-value");
        String id = run.out()
                .lines()
                .filter(l -> l.startsWith("Execution "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
        assertThat(CliRun.of("logs", "--workspace", workspace.toString(), id).out())
                .contains("token=******")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void planShowsTheDockerContainerInDevAndThePodSpecInProdForTheSameFlow() {
        CliRun dev = CliRun.of("plan", "--env", "dev", flow("hello").toString());
        CliRun prod = CliRun.of("plan", "--env", "prod", flow("hello").toString());

        assertThat(dev.exitCode()).as(dev.err()).isZero();
        assertThat(dev.out())
                .contains("runner: Docker", "Image: local/busybox:1", "NanoCpus: 1000000000", "Memory: 536870912");
        assertThat(prod.exitCode()).as(prod.err()).isZero();
        assertThat(prod.out())
                .contains("runner: Kubernetes", "namespace: company.team", "imagePullPolicy: Always")
                .contains("cpu: 500m", "memory: 256Mi");
    }
}

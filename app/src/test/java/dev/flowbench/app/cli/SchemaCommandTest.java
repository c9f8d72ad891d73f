package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Checks the exported flow schema with networknt's validator directly, as another editor would use it. */
class SchemaCommandTest {
    private static final String SEED_DEV = """
            id: seed_dev
            namespace: company.team
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                values:
                  taskRunner:
                    type: io.kestra.plugin.scripts.runner.docker.Docker
                    pullPolicy: %s # In dev, only pull the image when needed
                    cpu:
                      cpus: 1
                    memory:
                      memory: 512Mi
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: ubuntu:24.04
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
    private static final String SEED_PROD = """
            id: seed_prod
            namespace: company.team
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                values:
                  taskRunner:
                    type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                    namespace: company.team
                    pullPolicy: ALWAYS # Always pull the latest image in production
                    config:
                      username: "{{ secret('K8S_USERNAME') }}"
                      masterUrl: "{{ secret('K8S_MASTER_URL') }}"
                      caCert: "{{ secret('K8S_CA_CERT') }}"
                      clientCert: "{{ secret('K8S_CLIENT_CERT') }}"
                      clientKey: "{{ secret('K8S_CLIENT_KEY') }}"
                    resources: # Can be overridden by a specific task if needed
                      request:
                        cpu: "500m"    # Request 1/2 CPU (500 milliCPU)
                        memory: "256Mi" # Request 256 MB of memory
              - type: io.kestra.plugin.ee.aws.runner.Batch
                values:
                  accessKeyId: "{{ secret('AWS_ACCESS_KEY_ID') }}"
                  secretKeyId: "{{ secret('AWS_SECRET_ACCESS_KEY') }}"
                  region: "us-east-1"
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: ubuntu:24.04
                taskRunner:
                  type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                  namespace: company.team
                  pullPolicy: ALWAYS
                  config:
                    username: "{{ secret('K8S_USERNAME') }}"
                    masterUrl: "{{ secret('K8S_MASTER_URL') }}"
                  resources:
                    request:
                      cpu: "500m"
                      memory: "256Mi"
                commands:
                  - echo hello
            """;

    private static Schema schema;

    @BeforeAll
    static void exportSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flow.schema.json");
        CliRun run = CliRun.of("schema", "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = JsonMapper.builder().build().readTree(Files.readString(file));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(json);
    }

    private static List<Error> validate(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }

    @Test
    void theSeedsDevelopmentDefaultsValidateWithZeroErrors() {
        assertThat(validate(SEED_DEV.formatted("IF_NOT_PRESENT", "IF_NOT_PRESENT")))
                .isEmpty();
    }

    @Test
    void theSeedsProductionDefaultsValidateWithZeroErrors() {
        assertThat(validate(SEED_PROD)).isEmpty();
    }

    @Test
    void anUnknownPullPolicyUnderTheDockerRunnerIsRejected() {
        List<Error> errors = validate(SEED_DEV.formatted("IF_NOT_PRESENT", "SOMETIMES"));

        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("pullPolicy");
    }

    @Test
    void anUnknownRunnerPropertyIsRejected() {
        assertThat(validate(SEED_DEV.formatted("IF_NOT_PRESENT", "ALWAYS")
                        .replace(
                                "      cpus: 1\n      memory:\n", "      cpus: 1\n      colour: red\n      memory:\n")))
                .isNotEmpty();
    }

    @Test
    void theExportedSchemaIsItselfAValidDraft7Schema() throws Exception {
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        var exported = JsonMapper.builder().build().readTree(CliRun.of("schema").out());

        assertThat(metaSchema.validate(exported)).isEmpty();
        assertThat(exported.toString()).doesNotContain("\"anyOf\":[]");
    }

    @Test
    void theSchemaGoesToStandardOutputWithoutOut() {
        CliRun run = CliRun.of("schema");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"$schema\" : \"http://json-schema.org/draft-07/schema#\"");
        assertThat(run.out()).contains("\"#/definitions/io.kestra.plugin.scripts.runner.docker.Docker\"");
    }

    @Test
    void writingIntoAMissingFolderIsOneClearLine() {
        CliRun run = CliRun.of("schema", "--out", "no/such/folder/schema.json");

        assertThat(run.exitCode()).isEqualTo(FlowbenchCommand.UNUSABLE);
        assertThat(run.err().strip())
                .startsWith("flowbench: cannot write")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }
}

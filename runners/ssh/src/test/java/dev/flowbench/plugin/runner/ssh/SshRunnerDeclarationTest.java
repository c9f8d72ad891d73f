package dev.flowbench.plugin.runner.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskIdentity;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the plugin says about itself: type id, docs, icon, defaults, and that it never prints its secrets. */
class SshRunnerDeclarationTest {

    private static final String PASSWORD = "hunter2-but-longer";
    private static final String KEY =
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH" + " PRIVATE KEY-----\n";

    @Test
    void theTypeIdIsInFlowbenchsPluginNamespaceAndEveryExampleUsesIt() {
        Plugin plugin = SshRunner.class.getAnnotation(Plugin.class);

        assertThat(plugin.id()).isEqualTo("dev.flowbench.plugin.runner.ssh.Ssh");
        assertThat(plugin.title()).isEqualTo("SSH task runner");
        assertThat(plugin.examples())
                .isNotEmpty()
                .allSatisfy(example -> assertThat(example.code()).contains("type: " + plugin.id()))
                .extracting(Example::full)
                .containsOnly(true);
    }

    @Test
    void theIconIsAThirtyTwoPixelRoundedSquareInsideTheJar() throws IOException {
        String icon = SshRunner.class.getAnnotation(Plugin.class).icon();

        try (var in = SshRunner.class.getClassLoader().getResourceAsStream(icon)) {
            assertThat(in).as(icon).isNotNull();
            String svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 32 32\"", "rx=\"7\"");
        }
    }

    @Test
    void theJarNamesTheRunnerThroughItsServiceEntry() {
        assertThat(ServiceLoader.load(PluginProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .flatMap(provider -> provider.plugins().stream()))
                .contains(SshRunner.class);
    }

    @Test
    void unsetPropertiesTakeTheirDocumentedDefaults() {
        var runner = new SshRunner("h", null, "u", PASSWORD, null, null, "", null, null, null, null, null);

        assertThat(runner.port()).isEqualTo(22);
        assertThat(runner.strictHostKeyChecking()).isTrue();
        assertThat(runner.tempDirectory()).isEqualTo("/tmp");
        assertThat(runner.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(runner.killGracePeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(runner.knownHosts()).as("blank is unset").isNull();
    }

    @Test
    void toStringNeverShowsThePasswordTheKeyOrThePassphrase() {
        var runner = new SshRunner("h", 22, "u", PASSWORD, KEY, "pass-phrase-9", null, null, true, null, null, null);

        assertThat(runner.toString())
                .contains("u@h:22", "privateKey, then password")
                .doesNotContain(PASSWORD, "OPENSSH", "pass-phrase-9");
    }

    @Test
    void thePlanNamesHostDirectoryAndCommandWithoutContactingAnythingAndMasksTheCredentials() {
        var runner = new SshRunner(
                "build-01.example.com", 2222, "flow", PASSWORD, null, null, null, null, false, null, null, null);
        RunRequest request = RunRequest.of(
                        new TaskIdentity("n", "f", "e", "t", "r", 1),
                        RunCommand.shell("echo \"$DB\""),
                        Path.of("work"),
                        Path.of("out"))
                .withEnv("DB", "db-secret-77")
                .withMasker(SecretMasker.of("db-secret-77"));

        String plan = runner.plan(request).render();

        assertThat(plan)
                .contains("build-01.example.com:2222", "echo \\\"$DB\\\"", "disabled (strictHostKeyChecking: false)")
                .contains("/tmp/flowbench-")
                .doesNotContain("db-secret-77", PASSWORD);
    }
}

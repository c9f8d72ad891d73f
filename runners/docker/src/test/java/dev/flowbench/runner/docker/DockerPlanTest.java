package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Plans need no engine: every test here points the runner at a socket where nothing listens. */
class DockerPlanTest {

    @TempDir
    Path temp;

    @Test
    void planShowsTheContainerCreateRequestWithTheSeedLimits() {
        RunPlan plan = runner(Map.of("cpu", Map.of("cpus", 1), "memory", Map.of("memory", "512Mi")))
                .plan(request());
        Map<String, Object> create = map(plan.spec().get("createContainer"));
        assertThat(create)
                .containsEntry("Image", "local/busybox:1")
                .containsEntry("Cmd", List.of("/bin/sh", "-c", "echo hello"))
                .containsEntry("WorkingDir", "/flowbench/work");
        assertThat(map(create.get("Labels")))
                .containsEntry("flowbench.dev/flow", "hello")
                .containsEntry("flowbench.dev/execution", "exec-1")
                .containsEntry("flowbench.dev/taskrun", "run-1");
        Map<String, Object> host = map(create.get("HostConfig"));
        assertThat(host).containsEntry("Memory", 536870912L).containsEntry("NanoCpus", 1_000_000_000L);
        assertThat(host.get("Mounts").toString()).contains("/flowbench");
        assertThat(plan.render()).contains("Memory: 536870912", "NanoCpus: 1000000000", "echo hello");
    }

    @Test
    void planMasksSecretsInTheEnvironmentAndRegistryPasswordsAlways() {
        RunRequest request = request()
                .withEnv(Map.of("API_TOKEN", "tok-123456", "PLAIN", "visible"))
                .withMasker(SecretMasker.of("tok-123456"));
        RunPlan plan = runner(Map.of(
                        "credentials",
                        Map.of("registry", "registry.example.com", "username", "robot", "password", "hunter2-pw")))
                .plan(request.withContainerImage("registry.example.com/team/tool:2"));
        String text = plan.render();
        assertThat(text)
                .contains("API_TOKEN=" + SecretMasker.MASK, "PLAIN=visible", "robot", "registry.example.com")
                .doesNotContain("tok-123456")
                .doesNotContain("hunter2-pw");
    }

    @Test
    void planNamesTheEngineAndTheFileStrategyWithoutContactingIt() {
        String socket = "unix://" + temp.resolve("nothing-listens.sock");
        RunPlan plan =
                runner(Map.of("host", socket, "fileHandlingStrategy", "MOUNT")).plan(request());
        assertThat(plan.spec()).containsEntry("engine", socket);
        assertThat(plan.summary())
                .isEqualTo("creates a container from local/busybox:1 on the Docker engine at " + socket);
        assertThat(map(plan.spec().get("files"))).containsEntry("strategy", "MOUNT");
        assertThat(map(plan.spec().get("lifecycle")))
                .containsEntry("timeout", "PT1M")
                .containsEntry("killGracePeriod", "PT10S")
                .containsEntry("delete", true);
    }

    @Test
    void aTaskWithoutContainerImageIsRefusedWithOneLine() {
        assertThatThrownBy(() -> runner(Map.of()).plan(request().withContainerImage(null)))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Docker runner needs containerImage on the task");
    }

    @Test
    void anInvalidSizeIsRefusedNamingTheProperty() {
        assertThatThrownBy(
                        () -> runner(Map.of("memory", Map.of("memory", "lots"))).plan(request()))
                .isInstanceOf(RunnerException.class)
                .hasMessage("Docker runner: memory.memory: 'lots' is not a size such as 512Mi, 512m, 1g or 512MB"
                        + " (binary units, as in Docker)");
    }

    @Test
    void portsVolumesAndExtraHostsAppearAsTheEngineExpectsThem() {
        RunPlan plan = runner(Map.of(
                        "portBindings", List.of("8080:80"),
                        "volumes", List.of("/srv/cache:/cache:ro"),
                        "extraHosts", List.of("db:10.0.0.5"),
                        "networkMode", "host",
                        "entryPoint", List.of(""),
                        "user", "nobody"))
                .plan(request());
        Map<String, Object> create = map(plan.spec().get("createContainer"));
        Map<String, Object> host = map(create.get("HostConfig"));
        assertThat(host)
                .containsEntry("Binds", List.of("/srv/cache:/cache:ro"))
                .containsEntry("ExtraHosts", List.of("db:10.0.0.5"))
                .containsEntry("NetworkMode", "host");
        assertThat(host.get("PortBindings").toString()).contains("80/tcp").contains("8080");
        assertThat(create).containsEntry("Entrypoint", List.of("")).containsEntry("User", "nobody");
    }

    private RunRequest request() {
        TaskIdentity identity = new TaskIdentity("company.team", "hello", "exec-1", "greet", "run-1", 1);
        return RunRequest.of(identity, RunCommand.shell("echo hello"), temp.resolve("work"), temp.resolve("out"))
                .withContainerImage("local/busybox:1")
                .withTimeout(Duration.ofMinutes(1));
    }

    private DockerRunner runner(Map<String, Object> properties) {
        Map<String, Object> withHost = new java.util.HashMap<>(properties);
        withHost.putIfAbsent("host", "unix://" + temp.resolve("nothing-listens.sock"));
        return JsonMapper.builder().build().convertValue(withHost, DockerRunner.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}

package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.PluginProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class DockerRunnerTest {

    private static final Plugin PLUGIN = DockerRunner.class.getAnnotation(Plugin.class);

    @Test
    void declaresKestrasTypeIdAsATaskRunner() {
        assertThat(PLUGIN.id()).isEqualTo("io.kestra.plugin.scripts.runner.docker.Docker");
        assertThat(PluginKind.of(DockerRunner.class)).isEqualTo(PluginKind.TASK_RUNNER);
    }

    @Test
    void declaresEveryPropertyOfTheDockerRunner() {
        assertThat(names(DockerRunner.class))
                .containsExactly(
                        "host",
                        "config",
                        "credentials",
                        "pullPolicy",
                        "user",
                        "entryPoint",
                        "extraHosts",
                        "networkMode",
                        "portBindings",
                        "volumes",
                        "deviceRequests",
                        "cpu",
                        "memory",
                        "shmSize",
                        "privileged",
                        "fileHandlingStrategy",
                        "delete",
                        "wait",
                        "killGracePeriod");
        assertThat(names(DockerRunner.Credentials.class))
                .containsExactly("registry", "username", "password", "registryToken", "identityToken", "auth");
        assertThat(names(DockerRunner.Cpu.class)).containsExactly("cpus");
        assertThat(names(DockerRunner.Memory.class))
                .containsExactly(
                        "memory",
                        "memorySwap",
                        "memorySwappiness",
                        "memoryReservation",
                        "kernelMemory",
                        "oomKillDisable");
        assertThat(DockerRunner.PullPolicy.values())
                .extracting(Enum::name)
                .containsExactly("IF_NOT_PRESENT", "ALWAYS", "NEVER");
        assertThat(DockerRunner.FileHandlingStrategy.values())
                .extracting(Enum::name)
                .containsExactly("VOLUME", "MOUNT");
    }

    @Test
    void everyPropertyHasADescriptionEndingInAFullStop() {
        for (RecordComponent component : allComponents()) {
            PluginProperty property = component.getAnnotation(PluginProperty.class);
            assertThat(property).as(component.toString()).isNotNull();
            assertThat(property.description())
                    .as(component.toString())
                    .isNotBlank()
                    .endsWith(".");
        }
    }

    @Test
    void defaultsAreWrittenAsInYaml() {
        assertThat(property(DockerRunner.class, "pullPolicy").defaultValue()).isEqualTo("IF_NOT_PRESENT");
        assertThat(property(DockerRunner.class, "fileHandlingStrategy").defaultValue())
                .isEqualTo("VOLUME");
        assertThat(property(DockerRunner.class, "delete").defaultValue()).isEqualTo("true");
        assertThat(property(DockerRunner.class, "wait").defaultValue()).isEqualTo("true");
        assertThat(property(DockerRunner.class, "killGracePeriod").defaultValue())
                .isEqualTo("PT10S");
    }

    @Test
    void everySizePropertyAcceptsDockerAndKubernetesUnits() {
        List<PluginProperty> sizes = List.of(
                property(DockerRunner.class, "shmSize"),
                property(DockerRunner.Memory.class, "memory"),
                property(DockerRunner.Memory.class, "memorySwap"),
                property(DockerRunner.Memory.class, "memoryReservation"),
                property(DockerRunner.Memory.class, "kernelMemory"));
        for (PluginProperty size : sizes) {
            Pattern pattern = Pattern.compile(size.pattern());
            assertThat(Stream.of("512Mi", "512m", "1g", "512MB"))
                    .allMatch(v -> pattern.matcher(v).find());
            assertThat(Stream.of("512x", "lots", "1e9"))
                    .noneMatch(v -> pattern.matcher(v).find());
            assertThat(size.patternHint()).contains("512Mi");
        }
        assertThat(Pattern.compile(property(DockerRunner.Memory.class, "memorySwap")
                                .pattern())
                        .matcher("-1")
                        .find())
                .isTrue();
    }

    @Test
    void examplesAreCompleteFlowsUsingTheRunner() {
        assertThat(PLUGIN.examples()).isNotEmpty();
        for (Example example : PLUGIN.examples()) {
            Object flow = new Load(LoadSettings.builder().build()).loadFromString(example.code());
            assertThat(flow)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsKeys("id", "namespace", "tasks");
            assertThat(example.code()).contains("type: " + DockerRunner.TYPE);
            assertThat(example.full()).isTrue();
        }
        Map<?, ?> first =
                (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(PLUGIN.examples()[0].code());
        Map<?, ?> runner = (Map<?, ?>) ((Map<?, ?>) ((List<?>) first.get("tasks")).getFirst()).get("taskRunner");
        assertThat(runner.get("memory")).isEqualTo(Map.of("memory", "512Mi"));
        assertThat(runner.get("cpu")).isEqualTo(Map.of("cpus", 1));
    }

    @Test
    void seedConfigurationBindsToTheDeclaration() {
        Map<String, Object> yaml = Map.of(
                "type",
                DockerRunner.TYPE,
                "pullPolicy",
                "IF_NOT_PRESENT",
                "cpu",
                Map.of("cpus", 1),
                "memory",
                Map.of("memory", "512Mi"),
                "wait",
                false,
                "killGracePeriod",
                "PT5S");
        DockerRunner runner = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()
                .convertValue(yaml, DockerRunner.class);
        assertThat(runner.pullPolicy()).isEqualTo(DockerRunner.PullPolicy.IF_NOT_PRESENT);
        assertThat(runner.cpu().cpus()).isEqualTo(1.0);
        assertThat(runner.memory().memory()).isEqualTo("512Mi");
        assertThat(runner.waitForExit()).isFalse();
        assertThat(runner.killGracePeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(runner.delete()).isNull();
    }

    @Test
    void iconIsAnSvgInsideTheJar() throws IOException {
        try (InputStream icon = DockerRunner.class.getClassLoader().getResourceAsStream(PLUGIN.icon())) {
            assertThat(icon).as(PLUGIN.icon()).isNotNull();
            String svg = new String(icon.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("viewBox").endsWith("</svg>\n");
        }
    }

    @Test
    void pluginProviderServiceNamesTheRunner() {
        List<Class<?>> plugins = ServiceLoader.load(PluginProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .flatMap(provider -> provider.plugins().stream())
                .toList();
        assertThat(plugins).contains(DockerRunner.class);
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(DockerRunnerTest::yamlName)
                .toList();
    }

    private static String yamlName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }

    private static PluginProperty property(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> yamlName(c).equals(name))
                .findFirst()
                .orElseThrow()
                .getAnnotation(PluginProperty.class);
    }

    private static List<RecordComponent> allComponents() {
        List<RecordComponent> all = new ArrayList<>();
        for (Class<?> type : List.of(
                DockerRunner.class,
                DockerRunner.Credentials.class,
                DockerRunner.DeviceRequest.class,
                DockerRunner.Cpu.class,
                DockerRunner.Memory.class)) {
            all.addAll(Arrays.asList(type.getRecordComponents()));
        }
        return all;
    }
}

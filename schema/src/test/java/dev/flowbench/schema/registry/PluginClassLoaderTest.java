package dev.flowbench.schema.registry;

import static dev.flowbench.schema.registry.TestPluginJar.providerSource;
import static dev.flowbench.schema.registry.TestPluginJar.runnerSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.export.FlowSchemaExporter;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.json.PackageVersion;

/** A plugin's own libraries stay its own: another Jackson inside a plugin JAR works beside Flowbench's. */
class PluginClassLoaderTest {
    private static final String OTHER_JACKSON = "3.2.3";

    @TempDir
    Path plugins;

    /** A runner plugin whose code parses JSON with whatever Jackson its class loader gives it. */
    private static final String JACKSON_USER = """
            package com.example.iso;

            import dev.flowbench.schema.plugin.*;
            import tools.jackson.core.JsonToken;
            import tools.jackson.core.ObjectReadContext;
            import tools.jackson.core.json.JsonFactory;
            import tools.jackson.core.json.PackageVersion;

            @Plugin(id = "com.example.Iso", title = "Isolated runner", description = "Brings its own Jackson.")
            public record Iso(@PluginProperty(description = "Anything.") String mode) implements RunnerPlugin {
                public static String jacksonVersion() {
                    return PackageVersion.VERSION.toString();
                }

                public static int sum(String json) {
                    int sum = 0;
                    try (var parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
                        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                            if (token == JsonToken.VALUE_NUMBER_INT) {
                                sum += parser.getIntValue();
                            }
                        }
                    }
                    return sum;
                }
            }
            """;

    @Test
    void aPluginBringingAnotherJacksonUsesItsOwnWhileFlowbenchAndOtherPluginsKeepTheirs() throws Exception {
        Path otherJackson = Path.of(System.getProperty("flowbench.test.otherJacksonCore", "missing"));
        assertThat(otherJackson)
                .as("the build copies jackson-core " + OTHER_JACKSON)
                .isRegularFile();
        new TestPluginJar()
                .source("com.example.iso.Iso", JACKSON_USER)
                .source(
                        "com.example.iso.Provider",
                        providerSource(
                                "com.example.iso",
                                "public java.util.List<Class<?>> plugins() { return java.util.List.of(Iso.class); }"))
                .provider("com.example.iso.Provider")
                .library(otherJackson)
                .writeTo(plugins.resolve("iso.jar"));
        new TestPluginJar()
                .source("com.example.plain.Tiny", runnerSource("com.example.plain", "Tiny", "com.example.Plain"))
                .source(
                        "com.example.plain.Provider",
                        providerSource(
                                "com.example.plain",
                                "public java.util.List<Class<?>> plugins() { return java.util.List.of(Tiny.class); }"))
                .provider("com.example.plain.Provider")
                .resource("com/example/plain/tiny.svg", "<svg/>")
                .writeTo(plugins.resolve("plain.jar"));

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.problems()).isEmpty();
        PluginDescriptor iso = registry.find("com.example.Iso").orElseThrow();
        Class<?> type = iso.type();
        assertThat(type.getMethod("jacksonVersion").invoke(null)).isEqualTo(OTHER_JACKSON);
        assertThat(type.getMethod("sum", String.class).invoke(null, "{\"a\":[1,2,{\"b\":39}]}"))
                .isEqualTo(42);
        assertThat(PackageVersion.VERSION.toString())
                .as("Flowbench's own Jackson")
                .isNotEqualTo(OTHER_JACKSON);
        assertThat(RunnerPlugin.class.isAssignableFrom(type))
                .as("the SPI comes from Flowbench, so the plugin fills Flowbench's slot")
                .isTrue();
        assertThat(registry.find("com.example.Plain").orElseThrow().type().getClassLoader())
                .as("each JAR has its own loader")
                .isNotSameAs(type.getClassLoader());
        assertThat(new FlowSchemaExporter(registry)
                        .flowSchema()
                        .at("/definitions/taskRunners/anyOf")
                        .toString())
                .contains("com.example.Iso", "com.example.Plain");
    }

    @Test
    void aPluginsOwnResourceWinsOverOneOfTheSameNameOnFlowbenchsClassPath() throws Exception {
        String shared = "dev/flowbench/isolation-probe.txt";
        Files.createDirectories(plugins);
        Path jar = new TestPluginJar().resource(shared, "from the plugin").writeTo(plugins.resolve("probe.jar"));
        ClassLoader parent =
                new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader()) {
                    @Override
                    public java.net.URL getResource(String name) {
                        return name.equals(shared) ? getClass().getResource("/") : super.getResource(name);
                    }
                };

        try (var loader = new PluginClassLoader(jar.toUri().toURL(), parent)) {
            assertThat(new String(loader.getResource(shared).openStream().readAllBytes()))
                    .isEqualTo("from the plugin");
        }
    }
}

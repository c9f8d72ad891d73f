package dev.flowbench.schema.registry;

import static dev.flowbench.schema.registry.TestPluginJar.providerSource;
import static dev.flowbench.schema.registry.TestPluginJar.runnerSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.docs.MarkdownDocsRenderer;
import dev.flowbench.schema.docs.PluginDocsFactory;
import dev.flowbench.schema.export.FlowSchemaExporter;
import dev.flowbench.schema.plugin.PluginKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarLoadingTest {
    private static final String LIST_TINY =
            "public java.util.List<Class<?>> plugins() { return java.util.List.of(Tiny.class); }";

    @TempDir
    Path plugins;

    private Path tinyJar(String file, String pkg, String id) throws Exception {
        return new TestPluginJar()
                .source(pkg + ".Tiny", runnerSource(pkg, "Tiny", id))
                .source(pkg + ".Provider", providerSource(pkg, LIST_TINY))
                .resource(pkg.replace('.', '/') + "/tiny.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .provider(pkg + ".Provider")
                .writeTo(plugins.resolve(file));
    }

    @Test
    void aPluginJarDroppedInAPluginsFolderShowsInRegistrySchemaAndDocs() throws Exception {
        Path jar = tinyJar("tiny.jar", "com.example.tiny", "com.example.Tiny");
        Files.writeString(plugins.resolve("corrupt.jar"), "this is not a zip file");

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        var tiny = registry.find("com.example.Tiny").orElseThrow();
        assertThat(tiny.kind()).isEqualTo(PluginKind.TASK_RUNNER);
        assertThat(tiny.origin().jar()).isEqualTo(jar);
        assertThat(tiny.iconSvg()).startsWith("<svg");
        assertThat(registry.ofKind(PluginKind.TASK_RUNNER)).contains(tiny);
        assertThat(registry.find("io.kestra.plugin.scripts.shell.Commands"))
                .as("built-ins still load")
                .isPresent();

        var schema = new FlowSchemaExporter(registry).flowSchema();
        assertThat(schema.at("/definitions/taskRunners/anyOf").toString()).contains("#/definitions/com.example.Tiny");
        assertThat(schema.at("/definitions/com.example.Tiny/properties/mode/enum")
                        .toString())
                .isEqualTo("[\"FAST\",\"SLOW\"]");
        assertThat(schema.at("/definitions/com.example.Tiny/required").toString())
                .contains("host");

        String docs = MarkdownDocsRenderer.render(PluginDocsFactory.of(tiny));
        assertThat(docs).contains("# Tiny runner", "`mode` | enum | `FAST`", "`host` | string |  | yes", "mode: FAST");

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.jar()).isEqualTo(plugins.resolve("corrupt.jar"));
            assertThat(p.reason()).startsWith("not a readable JAR");
        });
    }

    @Test
    void aJarWithoutServiceEntryIsReportedWithTheEntryItNeeds() throws Exception {
        new TestPluginJar()
                .source("com.example.none.Tiny", runnerSource("com.example.none", "Tiny", "com.example.None"))
                .writeTo(plugins.resolve("no-services.jar"));

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.find("com.example.None")).isEmpty();
        assertThat(registry.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .contains("META-INF/services/dev.flowbench.schema.plugin.PluginProvider"));
    }

    @Test
    void aPluginMissingAClassItNeedsIsReportedAndTheOthersLoad() throws Exception {
        tinyJar("good.jar", "com.example.good", "com.example.Good");
        new TestPluginJar()
                .source("com.example.broken.Helper", "package com.example.broken; public record Helper(String x) {}")
                .source(
                        "com.example.broken.Tiny",
                        runnerSource("com.example.broken", "Tiny", "com.example.Broken")
                                .replace("String host)", "String host, Helper helper)"))
                .source("com.example.broken.Provider", providerSource("com.example.broken", LIST_TINY))
                .provider("com.example.broken.Provider")
                .without("com.example.broken.Helper")
                .writeTo(plugins.resolve("broken.jar"));

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.find("com.example.Good")).isPresent();
        assertThat(registry.find("com.example.Broken")).isEmpty();
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.jar().getFileName()).hasToString("broken.jar");
            assertThat(p.reason()).contains("com.example.broken.Helper").contains("missing");
        });
    }

    @Test
    void aProviderThrowingInItsStaticInitializerIsReported() throws Exception {
        new TestPluginJar()
                .source("com.example.boom.Tiny", runnerSource("com.example.boom", "Tiny", "com.example.Boom"))
                .source(
                        "com.example.boom.Provider",
                        providerSource(
                                "com.example.boom",
                                "static { if (true) throw new IllegalStateException(\"no config\"); }\n" + LIST_TINY))
                .provider("com.example.boom.Provider")
                .writeTo(plugins.resolve("boom.jar"));

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.reason()).contains("IllegalStateException").contains("no config"));
        assertThat(registry.plugins()).isNotEmpty();
    }

    @Test
    void aProviderThrowingInItsConstructorIsReportedAndTheOthersLoad() throws Exception {
        tinyJar("good.jar", "com.example.good", "com.example.Good");
        new TestPluginJar()
                .source("com.example.ctor.Tiny", runnerSource("com.example.ctor", "Tiny", "com.example.Ctor"))
                .source(
                        "com.example.ctor.Provider",
                        providerSource(
                                "com.example.ctor",
                                "public Provider() { throw new IllegalStateException(\"missing licence key\"); }\n"
                                        + LIST_TINY))
                .provider("com.example.ctor.Provider")
                .writeTo(plugins.resolve("ctor.jar"));

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.find("com.example.Good")).isPresent();
        assertThat(registry.find("com.example.Ctor")).isEmpty();
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.jar().getFileName()).hasToString("ctor.jar");
            assertThat(p.reason())
                    .contains("com.example.ctor.Provider", "IllegalStateException: missing licence key")
                    .doesNotContain("\tat ", "\n");
        });
    }

    @Test
    void aPluginCompiledForANewerJavaSaysSo() throws Exception {
        new TestPluginJar()
                .source("com.example.future.Tiny", runnerSource("com.example.future", "Tiny", "com.example.Future"))
                .source("com.example.future.Provider", providerSource("com.example.future", LIST_TINY))
                .provider("com.example.future.Provider")
                .newerJava(3)
                .writeTo(plugins.resolve("future.jar"));

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("compiled for a newer Java"));
    }

    @Test
    void aDuplicateTypeIdIsRejectedNamingBothJars() throws Exception {
        Path first = tinyJar("a-first.jar", "com.example.first", "com.example.Same");
        Path second = tinyJar("b-second.jar", "com.example.second", "com.example.Same");

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.find("com.example.Same").orElseThrow().origin().jar())
                .isEqualTo(first);
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.jar()).isEqualTo(second);
            assertThat(p.reason()).contains("duplicate type id com.example.Same", first.toString(), second.toString());
        });
    }

    @Test
    void aPluginClashingWithABuiltInIsRejected() throws Exception {
        tinyJar("clash.jar", "com.example.clash", "io.kestra.plugin.scripts.shell.Commands");

        PluginRegistry registry = PluginRegistry.load(List.of(plugins));

        assertThat(registry.find("io.kestra.plugin.scripts.shell.Commands")
                        .orElseThrow()
                        .origin()
                        .builtIn())
                .isTrue();
        assertThat(registry.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .contains("duplicate type id io.kestra.plugin.scripts.shell.Commands", "built-in"));
    }
}

package dev.flowbench.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Compiles Java sources against the test class path and packs them, with resources, into a plugin JAR. */
final class TestPluginJar {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<String> dropClasses = new ArrayList<>();
    private final List<Path> libraries = new ArrayList<>();
    private int classVersionBump;

    /** Adds a source file; {@code name} is the fully qualified class name. */
    TestPluginJar source(String name, String code) {
        sources.put(name, code);
        return this;
    }

    /** Adds a resource file. */
    TestPluginJar resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Registers {@code providers} in the PluginProvider service entry. */
    TestPluginJar provider(String... providers) {
        return resource(PluginRegistryLoader.SERVICE_ENTRY, String.join("\n", providers) + "\n");
    }

    /**
     * Packs every class and resource of {@code jar} into the plugin JAR too (not its manifest or module
     * descriptor), as the shade plugin packs a plugin's dependencies.
     */
    TestPluginJar library(Path jar) {
        libraries.add(jar);
        return this;
    }

    /** Leaves a compiled class out of the JAR, as a plugin that forgot a dependency would. */
    TestPluginJar without(String className) {
        dropClasses.add(className.replace('.', '/') + ".class");
        return this;
    }

    /** Marks every class as compiled for a Java {@code bump} versions newer than this one. */
    TestPluginJar newerJava(int bump) {
        this.classVersionBump = bump;
        return this;
    }

    /** Compiles and writes the JAR to {@code jar}; fails the test when compilation fails. */
    Path writeTo(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        var files = new ArrayList<String>();
        for (var source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        if (!files.isEmpty()) {
            var args = new ArrayList<>(List.of(
                    "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            args.addAll(files);
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
            assertThat(rc).as("test plugin compiles").isZero();
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (dropClasses.contains(name)) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                byte[] bytes = Files.readAllBytes(file);
                if (classVersionBump > 0) {
                    int major = ((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) + classVersionBump;
                    bytes[6] = (byte) (major >> 8);
                    bytes[7] = (byte) major;
                }
                zip.write(bytes);
                zip.closeEntry();
            }
            for (Path library : libraries) {
                copyEntries(library, zip);
            }
            for (var resource : resources.entrySet()) {
                zip.putNextEntry(new JarEntry(resource.getKey()));
                zip.write(resource.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static void copyEntries(Path library, JarOutputStream zip) throws IOException {
        try (var in = new java.util.jar.JarFile(library.toFile())) {
            for (var entry : java.util.Collections.list(in.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()
                        || name.equals("META-INF/MANIFEST.MF")
                        || name.endsWith("module-info.class")
                        || name.matches("META-INF/[^/]+\\.(SF|RSA|DSA)")) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                try (var bytes = in.getInputStream(entry)) {
                    bytes.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** Source of a minimal runner plugin {@code pkg.Name} with type id {@code id} and one enum property. */
    static String runnerSource(String pkg, String name, String id) {
        return """
                package %s;

                import dev.flowbench.schema.plugin.*;

                @Plugin(id = "%s", title = "Tiny runner", description = "Runs commands nowhere. For tests.",
                        icon = "%s/tiny.svg",
                        examples = @Example(title = "Use it", code = "type: %s\\nmode: FAST\\n", full = false))
                public record %s(
                        @PluginProperty(description = "How fast.", defaultValue = "FAST") Mode mode,
                        @PluginProperty(description = "Where.", required = true) String host) implements RunnerPlugin {
                    public enum Mode { FAST, SLOW }
                }
                """.formatted(pkg, id, pkg.replace('.', '/'), id, name);
    }

    /** Source of a provider {@code pkg.Provider} naming {@code classes}. */
    static String providerSource(String pkg, String body) {
        return """
                package %s;

                public class Provider implements dev.flowbench.schema.plugin.PluginProvider {
                    %s
                }
                """.formatted(pkg, body);
    }
}

package dev.flowbench.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Locates the bundled example workspace: the {@code assets/workspace} folder of a source checkout or an
 * installation, or else a copy extracted once from the assets JAR into the user's data folder.
 */
public final class ExampleWorkspace {
    static final String RESOURCE_ROOT = "dev/flowbench/assets/workspace/";
    private static final List<String> FILES = List.of(
            "flows/hello.yaml",
            "environments/dev.yaml",
            "environments/prod.yaml",
            "secrets/dev.env.example",
            "secrets/prod.env.example");

    private ExampleWorkspace() {}

    /** The example workspace folder; never null. */
    public static Path path() {
        String home = System.getProperty("flowbench.home");
        if (home != null) {
            Path installed = Path.of(home, "assets", "workspace");
            if (Files.isDirectory(installed)) {
                // An installed copy is read-only; runs and edits need a writable one of the user's own.
                return Files.isWritable(installed) ? installed : copyOnce(installed);
            }
        }
        URL marker = ExampleWorkspace.class.getClassLoader().getResource(RESOURCE_ROOT + "flows/hello.yaml");
        if (marker != null && marker.getProtocol().equals("file")) {
            try {
                return Path.of(marker.toURI()).getParent().getParent();
            } catch (URISyntaxException impossible) {
                // fall through to extraction
            }
        }
        return extract();
    }

    /** Copies {@code source} into the user's data folder the first time; later calls reuse the copy. */
    private static Path copyOnce(Path source) {
        Path target = userCopy();
        if (Files.isDirectory(target)) {
            return target;
        }
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the example workspace to " + target, e);
        }
    }

    /** Every file of the workspace inside the assets JAR, so that an extracted copy has all example flows. */
    private static List<String> bundledFiles() throws IOException {
        URL marker = ExampleWorkspace.class.getClassLoader().getResource(RESOURCE_ROOT + "flows/hello.yaml");
        if (marker == null || !(marker.openConnection() instanceof JarURLConnection connection)) {
            return FILES;
        }
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(RESOURCE_ROOT))
                    .map(entry -> entry.getName().substring(RESOURCE_ROOT.length()))
                    .toList();
        }
    }

    private static Path userCopy() {
        return Path.of(System.getProperty("user.home"), ".local", "share", "flowbench", "example-workspace");
    }

    private static Path extract() {
        Path target = userCopy();
        try {
            for (String file : bundledFiles()) {
                Path destination = target.resolve(file);
                if (Files.exists(destination)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in =
                        ExampleWorkspace.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file)) {
                    if (in != null) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.createDirectories(target.resolve("plugins"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the example workspace to " + target, e);
        }
    }
}

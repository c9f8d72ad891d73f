package dev.flowbench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes input files before a run and collects output files after it, on this machine's file system. */
public final class OutputFiles {

    private OutputFiles() {}

    /**
     * Writes each input file (relative name to UTF-8 content) under {@code directory}, creating parent
     * directories; a name escaping the directory is rejected with a {@link RunnerException}.
     */
    public static void writeInputs(Path directory, Map<String, String> inputFiles) {
        for (Map.Entry<String, String> file : inputFiles.entrySet()) {
            Path target = resolveInside(directory, file.getKey(), "input file");
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            } catch (IOException e) {
                throw new RunnerException("cannot write input file '" + file.getKey() + "': " + e.getMessage(), e);
            }
        }
    }

    /**
     * The regular files under {@code workingDirectory} matching one of {@code globs} (relative, with {@code /}
     * separators, e.g. {@code "*.csv"} or {@code "out/**"}), plus every regular file under {@code
     * outputDirectory}; keys are relative names with {@code /} separators. Never null.
     */
    public static Map<String, Path> collect(Path workingDirectory, List<String> globs, Path outputDirectory) {
        Map<String, Path> files = new TreeMap<>();
        if (!globs.isEmpty() && Files.isDirectory(workingDirectory)) {
            List<PathMatcher> matchers = globs.stream()
                    .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                    .toList();
            walk(workingDirectory, (relative, file) -> {
                if (matchers.stream().anyMatch(m -> m.matches(relative))) {
                    files.put(slashes(relative), file);
                }
            });
        }
        if (outputDirectory != null && !isEmptyDirectory(outputDirectory) && Files.isDirectory(outputDirectory)) {
            walk(outputDirectory, (relative, file) -> files.putIfAbsent(slashes(relative), file));
        }
        return files;
    }

    /** Whether {@code directory} is a directory without entries: the common case, told without a tree walk. */
    private static boolean isEmptyDirectory(Path directory) {
        if (directory.getFileSystem() != FileSystems.getDefault()) {
            return false;
        }
        String[] names = directory.toFile().list();
        return names != null && names.length == 0;
    }

    /** {@code name} resolved under {@code directory}; throws a {@link RunnerException} when it escapes it. */
    public static Path resolveInside(Path directory, String name, String what) {
        Path base = directory.toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new RunnerException(what + " '" + name + "' must be a relative path inside the working directory");
        }
        return target;
    }

    private interface FileVisitor {
        void visit(Path relative, Path file);
    }

    private static void walk(Path root, FileVisitor visitor) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).forEach(file -> visitor.visit(root.relativize(file), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}

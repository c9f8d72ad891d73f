package dev.flowbench.engine.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds programs the way a shell would, so a missing interpreter is reported before anything starts. */
final class Executables {

    private static final Path SETSID =
            find("setsid", System.getenv("PATH")) == null ? null : find("setsid", System.getenv("PATH"));

    private Executables() {}

    /** The {@code setsid} program, or null where there is none (macOS, Windows). */
    static Path setsid() {
        return SETSID;
    }

    /**
     * Whether {@code program} can be run: a path to an executable file, or a name found on the {@code PATH}
     * of {@code env} (falling back to this process's PATH).
     */
    static boolean exists(String program, Map<String, String> env, Path workingDirectory) {
        return resolve(program, env, workingDirectory) != null;
    }

    /** The absolute path {@code program} runs as, found like {@link #exists}; null when there is none. */
    static Path resolve(String program, Map<String, String> env, Path workingDirectory) {
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = workingDirectory.resolve(program).toAbsolutePath();
            return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        }
        String pathVariable = env.getOrDefault("PATH", System.getenv("PATH"));
        return find(program, pathVariable);
    }

    private static Path find(String program, String pathVariable) {
        if (pathVariable == null) {
            return null;
        }
        boolean windows = File.separatorChar == '\\';
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String suffix : windows ? new String[] {"", ".exe", ".cmd", ".bat"} : new String[] {""}) {
                Path candidate = Path.of(dir, program + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}

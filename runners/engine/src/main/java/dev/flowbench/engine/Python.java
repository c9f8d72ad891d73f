package dev.flowbench.engine;

import dev.flowbench.engine.process.ProcessRunner;
import dev.flowbench.runner.TaskRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What python tasks need before their commands: with the Process runner, a per-task virtual environment
 * holding {@code dependencies} (kept between runs under the data directory) and a {@code python} command
 * even where only {@code python3} exists; with container runners, a {@code pip install}.
 */
final class Python {

    private Python() {}

    /** What to add to a python task's run: commands before its own, and environment variables. */
    record Setup(List<String> commands, Map<String, String> env) {}

    static Setup prepare(
            TaskRunner runner,
            List<String> dependencies,
            ExecutionContext context,
            String taskId,
            Map<String, String> env) {
        if (!(runner instanceof ProcessRunner)) {
            return dependencies.isEmpty()
                    ? new Setup(List.of(), Map.of())
                    : new Setup(
                            List.of("pip install --disable-pip-version-check --quiet " + quoted(dependencies)),
                            Map.of());
        }
        String pathVariable = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        Path python3 = onPath("python3", pathVariable);
        Path python = onPath("python", pathVariable);
        if (python3 == null && python == null) {
            throw new FlowException("python3 is not installed on this machine: install Python 3, or run this task in a"
                    + " container with a taskRunner such as io.kestra.plugin.scripts.runner.docker.Docker");
        }
        Path base = python3 != null ? python3 : python;
        if (!dependencies.isEmpty()) {
            Path venv = context.venvDirectory.resolve(venvName(context, taskId, dependencies));
            String v = shellQuote(venv.toString());
            List<String> commands =
                    List.of("[ -f " + v + "/.flowbench-ready ] || { " + shellQuote(base.toString()) + " -m venv " + v
                            + " && " + v + "/bin/python -m pip install --disable-pip-version-check --quiet "
                            + quoted(dependencies) + " && touch " + v + "/.flowbench-ready; } || exit 1");
            return new Setup(
                    commands,
                    Map.of(
                            "PATH",
                            venv.resolve("bin") + java.io.File.pathSeparator + pathVariable,
                            "VIRTUAL_ENV",
                            venv.toString()));
        }
        if (python == null) {
            return new Setup(
                    List.of(), Map.of("PATH", shim(context, python3) + java.io.File.pathSeparator + pathVariable));
        }
        return new Setup(List.of(), Map.of());
    }

    /** A directory holding a {@code python} link to {@code python3}. */
    private static Path shim(ExecutionContext context, Path python3) {
        Path dir = context.venvDirectory.resolve("shim");
        Path link = dir.resolve("python");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, python3);
            }
        } catch (IOException e) {
            throw new FlowException("cannot prepare the python command: " + e.getMessage());
        }
        return dir;
    }

    private static String venvName(ExecutionContext context, String taskId, List<String> dependencies) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", dependencies).getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            return (context.namespace + "." + context.flowId + "." + taskId).replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path onPath(String program, String pathVariable) {
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String quoted(List<String> words) {
        List<String> quoted = new ArrayList<>();
        words.forEach(w -> quoted.add(shellQuote(w)));
        return String.join(" ", quoted);
    }

    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

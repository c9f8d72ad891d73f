package dev.flowbench.app.desktop;

import dev.flowbench.app.workspace.WorkspaceRoots;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Files the editor was asked to open ({@code flowbench FILE.yaml…}, as a file manager starts it for a flow file)
 * and the workspace to open them in: the first file's, else the folder holding it.
 *
 * <p>Arguments mean files only when every one names an existing YAML file, so a command line such as
 * {@code flowbench validate} is never taken for one.
 */
public record FilesToOpen(Path workspace, List<Path> files) {
    public FilesToOpen {
        files = List.copyOf(files);
    }

    /** The files {@code args} name, relative to {@code cwd}, if every argument is an existing YAML file. */
    public static Optional<FilesToOpen> fromArguments(List<String> args, Path cwd) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        var files = new ArrayList<Path>();
        for (String arg : args) {
            Optional<Path> file = yamlFile(arg, cwd);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            files.add(file.get());
        }
        Path first = files.getFirst();
        return Optional.of(new FilesToOpen(WorkspaceRoots.enclosing(first).orElse(first.getParent()), files));
    }

    /**
     * When every argument names a YAML file, the first that is not an existing file (the editor was asked to open
     * it); otherwise empty, and the arguments are a command line.
     */
    public static Optional<String> missing(List<String> args, Path cwd) {
        if (args.isEmpty() || !args.stream().allMatch(FilesToOpen::namesYaml)) {
            return Optional.empty();
        }
        return args.stream().filter(arg -> yamlFile(arg, cwd).isEmpty()).findFirst();
    }

    private static boolean namesYaml(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static Optional<Path> yamlFile(String arg, Path cwd) {
        if (!namesYaml(arg)) {
            return Optional.empty();
        }
        try {
            Path file = cwd.resolve(arg).toAbsolutePath().normalize();
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}

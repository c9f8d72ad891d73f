package dev.flowbench.app.desktop.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The workspace as the explorer sees it: the tree of its well-known folders, and file operations that keep
 * users inside the workspace and out of {@code .flowbench/}. Secrets files are listed like any file; their
 * values are never read here.
 */
public final class WorkspaceViewModel {
    /** The folders shown, in this order; {@code flows} is created when missing. */
    static final List<String> FOLDERS = List.of("flows", "environments", "secrets", "plugins");

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> HIDDEN = Set.of(".flowbench", ".git", ".keep");

    private final Path root;
    private final ReadOnlyObjectWrapper<WorkspaceEntry> tree = new ReadOnlyObjectWrapper<>(this, "tree");

    public WorkspaceViewModel(Path root) {
        this.root = root.toAbsolutePath().normalize();
        refresh();
    }

    public Path root() {
        return root;
    }

    /** The current tree; replaced as a whole by {@link #refresh()}. */
    public ReadOnlyObjectProperty<WorkspaceEntry> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** Re-reads the folders from disk. */
    public void refresh() {
        var folders = new ArrayList<WorkspaceEntry>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (Files.isDirectory(dir) || folder.equals("flows")) {
                folders.add(entry(dir));
            }
        }
        tree.set(new WorkspaceEntry(root, Path.of(""), true, FileKind.OTHER, folders));
    }

    /** The environment names: the {@code .yaml} files of {@code environments/}, sorted. */
    public List<String> environments() {
        try (Stream<Path> files = Files.list(root.resolve("environments"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Creates {@code flows/<id>.yaml} holding a minimal flow with that id, and returns its path.
     *
     * @throws IOException with a one-line message when the name is unusable or the file exists
     */
    public Path newFlow(String id) throws IOException {
        String name = checkedName(id.endsWith(".yaml") ? id.substring(0, id.length() - 5) : id);
        Path file = root.resolve("flows").resolve(name + ".yaml");
        if (Files.exists(file)) {
            throw new IOException("flows/" + name + ".yaml already exists");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, "id: " + name + "\nnamespace: company.team\n\ntasks:\n", StandardCharsets.UTF_8);
        refresh();
        return file;
    }

    /** Renames {@code file} within its folder and returns the new path. */
    public Path rename(Path file, String newName) throws IOException {
        Path source = inside(file);
        String name = checkedName(newName);
        Path target = source.resolveSibling(name);
        if (Files.exists(target)) {
            throw new IOException(root.relativize(target) + " already exists");
        }
        Files.move(source, target);
        refresh();
        return target;
    }

    /** Deletes {@code file} (files only; folders stay). */
    public void delete(Path file) throws IOException {
        Path target = inside(file);
        if (Files.isDirectory(target)) {
            throw new IOException("folders are not deleted from here: " + root.relativize(target));
        }
        Files.deleteIfExists(target);
        refresh();
    }

    /** {@code file} relative to the workspace root. */
    public Path relativize(Path file) {
        return root.relativize(file.toAbsolutePath().normalize());
    }

    private Path inside(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)
                || absolute.equals(root)
                || relativize(absolute).startsWith(".flowbench")) {
            throw new IOException("not a workspace file: " + file);
        }
        return absolute;
    }

    private static String checkedName(String name) throws IOException {
        String trimmed = name.strip();
        if (!FILE_NAME.matcher(trimmed).matches()) {
            throw new IOException("use letters, digits, '.', '-' and '_' only (got \"" + name + "\")");
        }
        return trimmed;
    }

    private WorkspaceEntry entry(Path path) {
        Path relative = root.relativize(path);
        if (!Files.isDirectory(path)) {
            return new WorkspaceEntry(path, relative, false, FileKind.of(relative), List.of());
        }
        List<WorkspaceEntry> children;
        try (Stream<Path> list = Files.list(path)) {
            children = list.filter(p -> !HIDDEN.contains(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .sorted(Comparator.comparing((Path p) -> !Files.isDirectory(p))
                            .thenComparing(p -> p.getFileName().toString()))
                    .map(this::entry)
                    .toList();
        } catch (IOException e) {
            children = List.of();
        }
        return new WorkspaceEntry(path, relative, true, FileKind.OTHER, children);
    }
}

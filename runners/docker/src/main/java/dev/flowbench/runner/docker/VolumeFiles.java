package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The {@code VOLUME} strategy: two labelled volumes, mounted at {@link TaskFiles#WORKING_DIR} and {@link
 * TaskFiles#OUTPUT_DIR}; the working directory is copied in before the start and matching files are copied out after
 * the exit, through the engine's archive API, so it works with an engine on another machine.
 *
 * <p>Two volumes rather than one because the engine creates an empty volume's mount point itself: when the working
 * directory is empty and the commands run as root, nothing needs copying in, which saves a round of the archive API
 * (the engine spawns a helper process for each) on most tasks.
 */
final class VolumeFiles implements TaskFiles {

    private final String volume;
    private final boolean openPermissions;
    private final Map<String, String> labels;
    private final Path workingDirectory;
    private final Path outputDirectory;
    private final List<PathMatcher> globs;

    /**
     * A strategy using volumes named after {@code volume} (created by {@link #create}) for the two directories of this
     * machine; {@code openPermissions} when the commands run as a user other than root, who needs the directories
     * writable by all.
     */
    VolumeFiles(
            String volume,
            boolean openPermissions,
            Map<String, String> labels,
            Path workingDirectory,
            Path outputDirectory,
            List<String> globs) {
        this.volume = volume;
        this.openPermissions = openPermissions;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        this.workingDirectory = workingDirectory;
        this.outputDirectory = outputDirectory;
        this.globs = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    /** Creates the labelled volumes on the engine. */
    void create(DockerClient client) {
        for (String name : names()) {
            client.createVolumeCmd().withName(name).withLabels(labels).exec();
        }
    }

    @Override
    public List<Mount> mounts() {
        return List.of(
                new Mount().withType(MountType.VOLUME).withSource(volume).withTarget(WORKING_DIR),
                new Mount()
                        .withType(MountType.VOLUME)
                        .withSource(outputVolume())
                        .withTarget(OUTPUT_DIR));
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of(
                "strategy",
                "VOLUME",
                "volumes",
                List.of(volume + " -> " + WORKING_DIR, outputVolume() + " -> " + OUTPUT_DIR),
                "labels",
                labels);
    }

    @Override
    public void beforeStart(DockerClient client, String containerId) throws IOException {
        if (!openPermissions && isEmpty(workingDirectory)) {
            return;
        }
        Path tar = Files.createTempFile("flowbench-docker-", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tar)) {
                writeTar(out);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                client.copyArchiveToContainerCmd(containerId)
                        .withTarInputStream(in)
                        .withRemotePath(ROOT)
                        .exec();
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    @Override
    public void afterExit(DockerClient client, String containerId) throws IOException {
        if (!globs.isEmpty()) {
            copyOut(client, containerId, WORKING_DIR, workingDirectory, true);
        }
        copyOut(client, containerId, OUTPUT_DIR, outputDirectory, false);
    }

    @Override
    public void remove(DockerClient client) {
        for (String name : names()) {
            try {
                client.removeVolumeCmd(name).exec();
            } catch (NotFoundException ignored) {
                // Already gone: removing is idempotent.
            } catch (RuntimeException ignored) {
                // Best effort: the volume's labels let a later start find and remove it.
            }
        }
    }

    private List<String> names() {
        return List.of(volume, outputVolume());
    }

    private String outputVolume() {
        return volume + "-output";
    }

    private static boolean isEmpty(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private void writeTar(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            directory(tar, "work/");
            directory(tar, "output/");
            try (Stream<Path> paths = Files.walk(workingDirectory)) {
                for (Path path : (Iterable<Path>) paths.skip(1)::iterator) {
                    String name = "work/"
                            + workingDirectory.relativize(path).toString().replace('\\', '/');
                    if (Files.isDirectory(path)) {
                        directory(tar, name + "/");
                    } else if (Files.isRegularFile(path)) {
                        TarArchiveEntry entry = new TarArchiveEntry(name);
                        entry.setSize(Files.size(path));
                        // Writable by any user, as the commands may run as a user other than root.
                        entry.setMode(Files.isExecutable(path) ? 0100777 : 0100666);
                        tar.putArchiveEntry(entry);
                        Files.copy(path, tar);
                        tar.closeArchiveEntry();
                    }
                }
            }
            tar.finish();
        }
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040777);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private void copyOut(DockerClient client, String containerId, String from, Path to, boolean onlyMatching)
            throws IOException {
        Path base = to.toAbsolutePath().normalize();
        try (InputStream in =
                        client.copyArchiveFromContainerCmd(containerId, from).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                // Entries are named after the copied directory ("work/a/b.txt"); drop that first part.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                Path relative = Path.of(name.substring(slash + 1));
                Path target = base.resolve(relative).normalize();
                if (!target.startsWith(base) || target.equals(base)) {
                    continue;
                }
                if (onlyMatching && globs.stream().noneMatch(g -> g.matches(relative))) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NotFoundException e) {
            // The commands removed the directory: nothing to bring back.
        }
    }
}

package dev.flowbench.runner.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
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
 * <p>The volumes are anonymous: the engine creates them with the container (in the same request, carrying the
 * run's labels) and removes them with it, so they cost no request of their own.
 *
 * <p>Each copy through the archive API costs a helper process on the engine, so copies are skipped when they cannot
 * carry anything: nothing is copied in when the working directory is empty and the commands run as root (the engine
 * creates the volumes' mount points itself), and the output directory, which starts empty, is only copied out when
 * its modification time changed during the run: it does whenever an entry is added, removed or renamed, and the
 * container's start alone takes longer than the file system's clock tick. The time is read (without archiving)
 * just before the start and after the exit.
 */
final class VolumeFiles implements TaskFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean openPermissions;
    private final Map<String, String> labels;
    private final Path workingDirectory;
    private final Path outputDirectory;
    private final List<PathMatcher> globs;
    private Stat outputAtStart = Stat.UNKNOWN;

    /**
     * A strategy using volumes labelled {@code labels} for the two directories of this machine; {@code
     * openPermissions} when the commands run as a user other than root, who needs the directories writable by all.
     */
    VolumeFiles(
            boolean openPermissions,
            Map<String, String> labels,
            Path workingDirectory,
            Path outputDirectory,
            List<String> globs) {
        this.openPermissions = openPermissions;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        this.workingDirectory = workingDirectory;
        this.outputDirectory = outputDirectory;
        this.globs = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    @Override
    public List<Mount> mounts() {
        return List.of(volume(WORKING_DIR), volume(OUTPUT_DIR));
    }

    private Mount volume(String target) {
        return new Mount()
                .withType(MountType.VOLUME)
                .withTarget(target)
                .withVolumeOptions(new VolumeOptions().withLabels(new LinkedHashMap<>(labels)));
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of(
                "strategy",
                "VOLUME",
                "volumes",
                List.of("new volume -> " + WORKING_DIR, "new volume -> " + OUTPUT_DIR),
                "labels",
                labels);
    }

    @Override
    public void beforeStart(DockerEngine engine, String containerId) throws IOException {
        if (openPermissions || !isEmpty(workingDirectory)) {
            Path tar = Files.createTempFile("flowbench-docker-", ".tar");
            try {
                try (OutputStream out = Files.newOutputStream(tar)) {
                    writeTar(out);
                }
                try (InputStream in = Files.newInputStream(tar)) {
                    engine.client()
                            .copyArchiveToContainerCmd(containerId)
                            .withTarInputStream(in)
                            .withRemotePath(ROOT)
                            .exec();
                }
            } finally {
                Files.deleteIfExists(tar);
            }
        }
        outputAtStart = Stat.of(engine, containerId, OUTPUT_DIR);
    }

    @Override
    public void afterExit(DockerEngine engine, String containerId) throws IOException {
        Stat outputAtExit = Stat.of(engine, containerId, OUTPUT_DIR);
        boolean outputWritten = !outputAtExit.missing() && !outputAtExit.sameTimeAs(outputAtStart);
        if (!globs.isEmpty() && outputWritten) {
            // One archive of both directories: one helper process on the engine instead of two.
            copyOut(engine.client(), containerId, ROOT);
        } else if (!globs.isEmpty()) {
            copyOut(engine.client(), containerId, WORKING_DIR);
        } else if (outputWritten) {
            copyOut(engine.client(), containerId, OUTPUT_DIR);
        }
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

    private void copyOut(DockerClient client, String containerId, String from) throws IOException {
        try (InputStream in =
                        client.copyArchiveFromContainerCmd(containerId, from).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    // Entries are named after the copied directory: "work/a/b.txt", or "flowbench/work/a/b.txt".
                    String name = from.equals(ROOT) ? rest(entry.getName()) : entry.getName();
                    String within = rest(name);
                    if (within != null) {
                        copyEntry(tar, name.substring(0, name.indexOf('/')), within);
                    }
                }
            }
        } catch (NotFoundException e) {
            // The commands removed the directory: nothing to bring back.
        }
    }

    private void copyEntry(InputStream content, String directory, String name) throws IOException {
        boolean fromWork = directory.equals("work");
        if (!fromWork && !directory.equals("output")) {
            return;
        }
        Path base =
                (fromWork ? workingDirectory : outputDirectory).toAbsolutePath().normalize();
        Path relative = Path.of(name);
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            return;
        }
        if (fromWork && globs.stream().noneMatch(g -> g.matches(relative))) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** What follows the first part of an archive entry's name, or null when nothing does. */
    private static String rest(String name) {
        int slash = name == null ? -1 : name.indexOf('/');
        return slash < 0 || slash == name.length() - 1 ? null : name.substring(slash + 1);
    }

    /**
     * What the engine says about a path in a container without archiving it (a {@code HEAD} of the archive API,
     * which docker-java has no command for).
     *
     * @param missing whether the path does not exist
     * @param modified its modification time, or null when unknown
     */
    private record Stat(boolean missing, Instant modified) {
        static final Stat UNKNOWN = new Stat(false, null);
        private static final String HEADER = "X-Docker-Container-Path-Stat";

        static Stat of(DockerEngine engine, String containerId, String path) {
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method("HEAD")
                    .path("/containers/" + containerId + "/archive?path="
                            + URLEncoder.encode(path, StandardCharsets.UTF_8))
                    .build();
            try (DockerHttpClient.Response response = engine.http().execute(request)) {
                if (response.getStatusCode() == 404) {
                    return new Stat(true, null);
                }
                String header = response.getHeader(HEADER);
                if (response.getStatusCode() / 100 != 2 || header == null) {
                    return UNKNOWN;
                }
                String mtime = JSON.readTree(Base64.getDecoder().decode(header.strip()))
                        .path("mtime")
                        .asText();
                return new Stat(false, OffsetDateTime.parse(mtime).toInstant());
            } catch (IOException | RuntimeException e) {
                // Unknown: the caller copies, and a real problem with the engine shows there.
                return UNKNOWN;
            }
        }

        /**
         * Whether both times are known and equal at sub-second precision; a time without a fraction of a second may
         * come from a file system that keeps whole seconds, where a write within the same second would not show.
         */
        boolean sameTimeAs(Stat other) {
            return modified != null && modified.getNano() != 0 && modified.equals(other.modified);
        }
    }
}

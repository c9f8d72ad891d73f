package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.runner.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.sshd.sftp.client.SftpClient;

/** Moves files between this machine and the run's remote directories over SFTP. */
final class RemoteFiles {

    private RemoteFiles() {}

    /**
     * Copies every file and folder under {@code localDirectory} into {@code remoteDirectory} (which exists);
     * executable files stay executable.
     */
    static void upload(SftpClient sftp, Path localDirectory, String remoteDirectory) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(localDirectory)) {
            entries = walk.filter(path -> !path.equals(localDirectory)).sorted().toList();
        }
        for (Path local : entries) {
            String remote = remoteDirectory + "/" + slashes(localDirectory.relativize(local));
            if (Files.isDirectory(local)) {
                sftp.mkdir(remote);
            } else if (Files.isRegularFile(local)) {
                try (OutputStream out = sftp.write(remote)) {
                    Files.copy(local, out);
                }
                if (Files.isExecutable(local)) {
                    sftp.setStat(remote, new SftpClient.Attributes().perms(0700));
                }
            }
        }
    }

    /** Writes {@code content} as UTF-8 to the remote file {@code path}. */
    static void write(SftpClient sftp, String path, String content) throws IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The remote file's text, or null when it does not exist or cannot be read. */
    static String readOrNull(SftpClient sftp, String path) {
        try (InputStream in = sftp.read(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            return null;
        }
    }

    /**
     * Downloads the output files of a run: the regular files under the remote working directory matching one
     * of {@code globs} (into {@code localWork}) and every regular file under the remote output directory (into
     * {@code localOut}); returns relative name to local file, as {@link OutputFiles#collect} does.
     */
    static Map<String, Path> download(
            SftpClient sftp, RemoteLayout layout, List<String> globs, Path localWork, Path localOut)
            throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!globs.isEmpty()) {
            List<PathMatcher> matchers = globs.stream()
                    .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                    .toList();
            for (Map.Entry<String, String> file : list(sftp, layout.work()).entrySet()) {
                Path relative = Path.of(file.getKey());
                if (matchers.stream().anyMatch(matcher -> matcher.matches(relative))) {
                    files.put(file.getKey(), fetch(sftp, file.getValue(), localWork, file.getKey()));
                }
            }
        }
        for (Map.Entry<String, String> file : list(sftp, layout.out()).entrySet()) {
            if (!files.containsKey(file.getKey())) {
                files.put(file.getKey(), fetch(sftp, file.getValue(), localOut, file.getKey()));
            }
        }
        return files;
    }

    /** Regular files under {@code root}, relative name ({@code /} separators) to remote path, sorted. */
    private static Map<String, String> list(SftpClient sftp, String root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(List.of(""));
        while (!pending.isEmpty()) {
            String relativeDir = pending.removeFirst();
            String dir = relativeDir.isEmpty() ? root : root + "/" + relativeDir;
            for (SftpClient.DirEntry entry : sftp.readDir(dir)) {
                String name = entry.getFilename();
                if (name.equals(".") || name.equals("..")) {
                    continue;
                }
                String relative = relativeDir.isEmpty() ? name : relativeDir + "/" + name;
                if (entry.getAttributes().isDirectory()) {
                    pending.add(relative);
                } else if (entry.getAttributes().isRegularFile()) {
                    files.put(relative, dir + "/" + name);
                }
            }
        }
        return files;
    }

    private static Path fetch(SftpClient sftp, String remote, Path localDirectory, String relative) throws IOException {
        Path target = OutputFiles.resolveInside(localDirectory, relative, "output file");
        Files.createDirectories(target.getParent());
        try (InputStream in = sftp.read(remote)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}

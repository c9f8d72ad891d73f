package dev.flowbench.plugin.runner.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where one run lives on the remote host: {@code <tempDirectory>/flowbench-<id>/} with {@code work/} (the
 * commands' working directory), {@code out/} (the output directory) and {@code run/} (our scripts and the
 * process group id). The id is derived from the local working directory, so {@link SshRunner#pathVariables}
 * can name the remote paths before anything is connected, and from a per-process salt, so two Flowbench
 * processes never share a directory.
 *
 * @param root the run's remote root directory, absolute
 */
record RemoteLayout(String root) {

    private static final String SALT = salt();

    /** The layout of the run whose local working directory is {@code localWorkingDirectory}. */
    static RemoteLayout of(String tempDirectory, Path localWorkingDirectory) {
        String base = tempDirectory.endsWith("/") && tempDirectory.length() > 1
                ? tempDirectory.substring(0, tempDirectory.length() - 1)
                : tempDirectory;
        String key = SALT + ":" + localWorkingDirectory.toAbsolutePath().normalize();
        return new RemoteLayout(base + "/flowbench-" + hash(key));
    }

    /** The commands' working directory. */
    String work() {
        return root + "/work";
    }

    /** The directory whose files all come back as output files. */
    String out() {
        return root + "/out";
    }

    /** Our scripts, the environment file and the process group id. */
    String run() {
        return root + "/run";
    }

    private static String salt() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

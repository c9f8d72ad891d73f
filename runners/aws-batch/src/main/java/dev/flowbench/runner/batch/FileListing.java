package dev.flowbench.runner.batch;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunnerException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The text form in which the job prints its output files into its log after the commands: for each file a line
 * {@code F <base64 of its path>} followed by its content in base64 lines. It needs only {@code find}, {@code
 * base64} and {@code tr} in the image (busybox's {@code tar} cannot read a file list), and survives any log
 * pipeline because every line is short plain ASCII.
 */
final class FileListing {

    private FileListing() {}

    /** The shell loop printing every file listed (one path a line) on standard input. */
    static String printLoop() {
        return "while IFS= read -r f; do echo \"F $(printf '%s' \"$f\" | base64 | tr -d '\\n')\"; base64 \"$f\";"
                + " done";
    }

    /**
     * Writes the files of {@code lines} under {@code directory}; returns their relative names. A path escaping
     * the directory is rejected with a {@link RunnerException}.
     */
    static List<String> extract(List<String> lines, Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        OutputStream out = null;
        StringBuilder pending = new StringBuilder();
        try {
            for (String line : lines) {
                if (line.startsWith("F ")) {
                    flush(pending, out);
                    if (out != null) {
                        out.close();
                    }
                    String name = new String(
                            Base64.getDecoder().decode(line.substring(2).strip()), StandardCharsets.UTF_8);
                    Path target = OutputFiles.resolveInside(directory, name, "output file");
                    Files.createDirectories(target.getParent());
                    out = Files.newOutputStream(target);
                    names.add(name);
                } else if (out != null) {
                    pending.append(line.strip());
                    if (pending.length() >= 64 * 1024) {
                        // decode whole 4-character groups only
                        int whole = pending.length() - pending.length() % 4;
                        out.write(Base64.getDecoder().decode(pending.substring(0, whole)));
                        pending.delete(0, whole);
                    }
                }
            }
            flush(pending, out);
        } finally {
            if (out != null) {
                out.close();
            }
        }
        return names;
    }

    private static void flush(StringBuilder pending, OutputStream out) throws IOException {
        if (out != null && !pending.isEmpty()) {
            out.write(Base64.getDecoder().decode(pending.toString()));
        }
        pending.setLength(0);
    }
}

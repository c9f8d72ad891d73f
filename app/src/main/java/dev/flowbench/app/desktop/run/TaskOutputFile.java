package dev.flowbench.app.desktop.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * An output file of a task run ({@code outputFiles} in its outputs): its name in the task and where the engine
 * stored it.
 */
public record TaskOutputFile(String name, Path path) {
    /** Files up to this size open in a text tab when they look like text; larger ones go to the system viewer. */
    static final long TEXT_LIMIT = 2 * 1024 * 1024;

    private static final int SNIFF = 8192;

    /** The output files of {@code row}, in the order the task declared them; empty when it has none. */
    public static List<TaskOutputFile> of(TaskRow row) {
        if (row == null || !(row.outputs().get("outputFiles") instanceof Map<?, ?> files)) {
            return List.of();
        }
        return files.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .map(e -> new TaskOutputFile(
                        e.getKey().toString(), Path.of(e.getValue().toString())))
                .toList();
    }

    /** Whether the file still exists (history keeps files only as long as its retention allows). */
    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Whether it opens as text: small enough, valid UTF-8 at its start, and without NUL bytes. */
    public boolean isText() {
        try {
            if (!exists() || Files.size(path) > TEXT_LIMIT) {
                return false;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(SNIFF);
            }
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            int end = head.length;
            // A multi-byte character may be cut at the sniffing limit; ignore its first bytes.
            while (head.length == SNIFF && end > 0 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (head.length == SNIFF && end > 0 && (head[end - 1] & 0x80) != 0) {
                end--;
            }
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException binary) {
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The file's text (call only when {@link #isText()}). */
    public String text() throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** Copies the file to {@code target}, replacing it: through a temporary file beside it, then a rename. */
    public void saveTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.copy(path, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

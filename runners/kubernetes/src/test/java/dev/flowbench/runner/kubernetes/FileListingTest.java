package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RunnerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {

    @TempDir
    Path temp;

    @Test
    void filesPrintedByTheSidecarAreWrittenBackWithTheirPaths() throws Exception {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        List<String> lines = new ArrayList<>();
        lines.addAll(listing("work/a b.txt", "hello ✓\n".getBytes(StandardCharsets.UTF_8)));
        lines.addAll(listing("out/deep/big.bin", big));
        lines.addAll(listing("work/empty", new byte[0]));

        assertThat(FileListing.extract(lines, temp)).containsExactly("work/a b.txt", "out/deep/big.bin", "work/empty");
        assertThat(Files.readString(temp.resolve("work/a b.txt"))).isEqualTo("hello ✓\n");
        assertThat(Files.readAllBytes(temp.resolve("out/deep/big.bin"))).isEqualTo(big);
        assertThat(temp.resolve("work/empty")).isEmptyFile();
    }

    @Test
    void pathEscapingTheDirectoryIsRejected() {
        assertThatThrownBy(() -> FileListing.extract(listing("../evil", new byte[] {1}), temp))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("../evil");
    }

    /** What the sidecar's loop prints for one file: base64 wrapped at 76 characters, as base64(1) does. */
    private static List<String> listing(String path, byte[] content) {
        List<String> lines = new ArrayList<>();
        lines.add("F " + Base64.getEncoder().encodeToString(path.getBytes(StandardCharsets.UTF_8)));
        String body = Base64.getEncoder().encodeToString(content);
        for (int i = 0; i < body.length(); i += 76) {
            lines.add(body.substring(i, Math.min(body.length(), i + 76)));
        }
        return lines;
    }
}

package dev.flowbench.schema.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path workspace;

    private Path write(String content, String permissions) throws IOException {
        Path file = Files.createDirectories(workspace.resolve("secrets")).resolve("dev.env");
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // permissions are only checked where they exist
        }
        return file;
    }

    @Test
    void namesComeFromTheFileAndBase64EnvironmentVariablesWhichWin() throws IOException {
        write("""
                # comment
                K8S_USERNAME=alice
                export API_TOKEN = "quoted value"
                EMPTY=
                SHARED=from-file\r
                """, "rw-------");

        var secrets = Secrets.load(
                workspace,
                "secrets/dev.env",
                Map.of("SECRET_SHARED", "ZnJvbS1lbnY=", "SECRET_AWS_KEY", "a2V5", "PATH", "/bin"));

        assertThat(secrets.names()).containsExactly("API_TOKEN", "AWS_KEY", "EMPTY", "K8S_USERNAME", "SHARED");
        assertThat(secrets.value("API_TOKEN")).contains("quoted value");
        assertThat(secrets.value("SHARED")).contains("from-env");
        assertThat(secrets.value("AWS_KEY")).contains("key");
        assertThat(secrets.value("EMPTY")).contains("");
        assertThat(secrets.value("MISSING")).isEmpty();
        assertThat(secrets.warnings()).isEmpty();
    }

    @Test
    void valuesNeverAppearInToStringOrWarnings() throws IOException {
        write("GOOD=hunter2\nthis line hides s3cr3t-value\n", "rw-r--r--");

        var secrets = Secrets.load(workspace, "secrets/dev.env", Map.of("SECRET_BAD", "not base64 s3cr3t!"));

        assertThat(secrets.toString())
                .isEqualTo("Secrets[1 names from secrets/dev.env]")
                .doesNotContain("hunter2");
        assertThat(secrets.warnings())
                .extracting(Diagnostic::code)
                .containsExactlyInAnyOrder(Secrets.PERMISSIONS, Secrets.BAD_LINE, Secrets.BAD_BASE64);
        for (Diagnostic warning : secrets.warnings()) {
            assertThat(warning.message()).doesNotContain("hunter2", "s3cr3t");
        }
        var badLine = secrets.warnings().stream()
                .filter(w -> w.code().equals(Secrets.BAD_LINE))
                .findFirst()
                .orElseThrow();
        assertThat(badLine.message()).isEqualTo("line 2 of secrets/dev.env is not KEY=value; it is ignored");
        assertThat(badLine.source()).isEqualTo("secrets/dev.env");
        assertThat(badLine.range().start().line()).isEqualTo(1);
    }

    @Test
    void filesReadableByOthersAreWarnedAbout() throws IOException {
        write("A=b\n", "rw-r-----");

        var warnings = Secrets.load(workspace, "secrets/dev.env", Map.of()).warnings();

        if (!Files.getFileStore(workspace).supportsFileAttributeView("posix")) {
            return;
        }
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Secrets.PERMISSIONS);
            assertThat(w.message())
                    .isEqualTo("secrets/dev.env can be read by other users: run chmod 600 secrets/dev.env");
        });
    }

    @Test
    void aMissingFileIsAWarningThatPointsAtItsExample() throws IOException {
        Files.createDirectories(workspace.resolve("secrets"));
        Files.writeString(workspace.resolve("secrets/dev.env.example"), "A=\n");

        var secrets = Secrets.load(workspace, "secrets/dev.env", Map.of());

        assertThat(secrets.names()).isEmpty();
        assertThat(secrets.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Secrets.FILE_MISSING);
            assertThat(w.message()).endsWith("copy secrets/dev.env.example and fill it in");
        });
    }
}

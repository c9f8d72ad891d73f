package dev.flowbench.app.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.secrets.SecretsViewModel.Secret;
import dev.flowbench.schema.environment.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsViewModelTest {
    @TempDir
    Path root;

    Path file;
    SecretsViewModel secrets;

    @BeforeEach
    void secretsFile() throws IOException {
        file = root.resolve("secrets/dev.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# dev secrets\nTOKEN=s3cr3t\n\nexport API_KEY = \"abc=def\"\nEMPTY=\nnot a line\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        secrets = SecretsViewModel.load(file, Path.of("secrets/dev.env"));
    }

    Secret secret(String name) {
        return secrets.find(name).orElseThrow();
    }

    @Test
    void everyValueIsMaskedUntilItsRowIsRevealed() {
        assertThat(secrets.secrets()).extracting(Secret::name).containsExactly("TOKEN", "API_KEY", "EMPTY");
        assertThat(secrets.secrets())
                .extracting(s -> s.shownProperty().get())
                .containsExactly(SecretsViewModel.MASK, SecretsViewModel.MASK, SecretsViewModel.EMPTY);
        secret("API_KEY").revealedProperty().set(true);
        assertThat(secret("API_KEY").shownProperty().get()).isEqualTo("abc=def");
        assertThat(secret("TOKEN").shownProperty().get()).isEqualTo(SecretsViewModel.MASK);
    }

    @Test
    void noValueReachesAStringMadeForPeopleOrLogs() {
        secrets.setValue(secret("TOKEN"), "n3w-s3cr3t");
        secrets.add("NEW_ONE", "hush");
        assertThat(secrets.secrets().toString()).doesNotContain("s3cr3t", "abc", "hush");
        assertThat(secrets.messageProperty().get()).doesNotContain("s3cr3t", "hush");
        assertThat(secret("TOKEN")).hasToString("Secret[TOKEN]");
    }

    @Test
    void savingKeepsCommentsAndUntouchedLinesAndWritesChangesInPlace() throws IOException {
        secrets.setValue(secret("TOKEN"), "rotated");
        secrets.delete(secret("EMPTY"));
        assertThat(secrets.add("PASSWORD", "  spaced out  ")).isTrue();
        assertThat(secrets.dirtyProperty().get()).isTrue();
        secrets.save();
        assertThat(secrets.dirtyProperty().get()).isFalse();
        assertThat(Files.readString(file))
                .isEqualTo("# dev secrets\nTOKEN=rotated\n\nexport API_KEY = \"abc=def\"\nnot a line\n"
                        + "PASSWORD=\"  spaced out  \"\n");
        // The engine reads back exactly what was typed.
        Secrets read = Secrets.load(root, "secrets/dev.env", Map.of());
        assertThat(read.value("PASSWORD")).contains("  spaced out  ");
        assertThat(read.value("TOKEN")).contains("rotated");
        assertThat(read.value("API_KEY")).contains("abc=def");
        assertThat(read.has("EMPTY")).isFalse();
    }

    @Test
    void theSavedFileIsReadableByItsOwnerOnly() throws IOException {
        secrets.add("ANOTHER", "x");
        secrets.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void badNamesTakenNamesAndMultiLineValuesAreRefusedWithAMessage() {
        assertThat(secrets.add("1ABC", "x")).isFalse();
        assertThat(secrets.messageProperty().get()).contains("letters, digits and '_'");
        assertThat(secrets.add("TOKEN", "x")).isFalse();
        assertThat(secrets.messageProperty().get()).isEqualTo("TOKEN is already defined; change its value instead");
        assertThat(secrets.setValue(secret("TOKEN"), "two\nlines")).isFalse();
        assertThat(secrets.secrets()).hasSize(3);
        assertThat(secrets.dirtyProperty().get()).isFalse();
    }

    @Test
    void aMissingFileIsAnEmptyOneCreatedOnSave() throws IOException {
        Path missing = root.resolve("secrets/prod.env");
        var fresh = SecretsViewModel.load(missing, Path.of("secrets/prod.env"));
        assertThat(fresh.secrets()).isEmpty();
        fresh.add("K8S_USERNAME", "admin");
        fresh.save();
        assertThat(Files.readString(missing)).isEqualTo("K8S_USERNAME=admin\n");
    }
}

package dev.flowbench.app.desktop.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.document.SecretsTab.Row;
import org.junit.jupiter.api.Test;

class SecretsTabTest {

    @Test
    void secretsFilesShowNamesWithEveryValueMasked() {
        var rows = SecretsTab.rows("# comment\nTOKEN=s3cr3t\nexport API_KEY = abc=def\nEMPTY=\nnot a line\n");
        assertThat(rows)
                .containsExactly(
                        new Row("TOKEN", "••••••••"), new Row("API_KEY", "••••••••"), new Row("EMPTY", "(empty)"));
        assertThat(rows.toString()).doesNotContain("s3cr3t", "abc");
    }
}

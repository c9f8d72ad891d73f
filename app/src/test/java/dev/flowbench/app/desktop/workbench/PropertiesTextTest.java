package dev.flowbench.app.desktop.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {
    @Test
    void whatItWritesLoadsBackUnchangedWhateverTheKeysAndValuesHold() throws IOException {
        var written = new Properties();
        written.setProperty("lastWorkspace", "/home/ana/flows with spaces/ü");
        written.setProperty("open", "flows/a.yaml|flows/b c.yaml");
        written.setProperty(" key = with: #all !the\\signs\t", "  leading spaces, = : # ! \\ \n\r\f\t end ");
        written.setProperty("empty", "");

        String text = PropertiesText.format("Flowbench settings", written);

        var read = new Properties();
        read.load(new StringReader(text));
        assertThat(read).isEqualTo(written);
    }

    @Test
    void theTextIsTheCommentThenSortedEntriesWithNoDateSoItOnlyChangesWithTheValues() {
        var properties = new Properties();
        properties.setProperty("theme", "dark");
        properties.setProperty("environment", "dev");

        assertThat(PropertiesText.format("Flowbench workspace state\nsecond line", properties))
                .isEqualTo("# Flowbench workspace state second line\nenvironment=dev\ntheme=dark\n");
    }
}

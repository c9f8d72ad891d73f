package dev.flowbench.app.desktop.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskOutputsViewModelTest {
    @TempDir
    Path temp;

    final SimpleStringProperty message = new SimpleStringProperty("");
    final List<String> opened = new ArrayList<>();
    TaskOutputsViewModel outputs;
    Path csv;
    Path binary;

    @BeforeEach
    void files() throws IOException {
        outputs = new TaskOutputsViewModel(Runnable::run, Runnable::run, message);
        csv = Files.writeString(temp.resolve("report.csv"), "city,visits\nLisbon,3\nZürich,5\n");
        binary = Files.write(temp.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    }

    TaskRow row(Map<String, Object> outputs) {
        var now = Instant.now();
        return new TaskRow(new TaskRun(
                "r1",
                "e1",
                "produce",
                "io.kestra.plugin.scripts.shell.Commands",
                null,
                null,
                1,
                State.SUCCESS,
                now,
                now,
                outputs,
                null));
    }

    Map<String, Object> withFiles(Map<String, Object> files) {
        var map = new LinkedHashMap<String, Object>();
        map.put("exitCode", 0);
        map.put("outputFiles", files);
        return map;
    }

    void open(TaskOutputFile file) {
        outputs.open(file, f -> opened.add("text " + f.name()), p -> opened.add("system " + p.getFileName()));
    }

    @Test
    void selectingATaskListsItsOutputFilesAndDescribesIt() {
        var files = new LinkedHashMap<String, Object>();
        files.put("report.csv", csv.toString());
        files.put("chart.png", binary.toString());
        outputs.select(row(withFiles(files)));
        assertThat(outputs.files()).extracting(TaskOutputFile::name).containsExactly("report.csv", "chart.png");
        assertThat(outputs.descriptionProperty().get())
                .startsWith("produce · io.kestra.plugin.scripts.shell.Commands\nstate: SUCCESS\n")
                .contains("exitCode: 0");
        outputs.select(row(Map.of("exitCode", 0)));
        assertThat(outputs.files()).isEmpty();
        outputs.select(null);
        assertThat(outputs.descriptionProperty().get()).isEmpty();
    }

    @Test
    void textOpensInATabAndAnythingElseWithTheSystemViewer() throws IOException {
        open(new TaskOutputFile("report.csv", csv));
        open(new TaskOutputFile("chart.png", binary));
        Path large = temp.resolve("large.txt");
        Files.writeString(large, "x".repeat((int) TaskOutputFile.TEXT_LIMIT + 1));
        open(new TaskOutputFile("large.txt", large));
        Path latin1 = Files.write(temp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        open(new TaskOutputFile("latin1.txt", latin1));
        assertThat(opened)
                .containsExactly("text report.csv", "system chart.png", "system large.txt", "system latin1.txt");
    }

    @Test
    void aFileNoLongerStoredOnlyGetsAMessage() {
        open(new TaskOutputFile("gone.csv", temp.resolve("gone.csv")));
        assertThat(opened).isEmpty();
        assertThat(message.get()).isEqualTo("gone.csv is no longer stored (old runs' files are pruned)");
    }

    @Test
    void savingCopiesTheFileWhereChosenReplacingWhatWasThere() throws IOException {
        Path target = Files.writeString(temp.resolve("elsewhere.csv"), "old");
        outputs.save(new TaskOutputFile("report.csv", csv), target);
        assertThat(Files.readString(target)).isEqualTo(Files.readString(csv));
        assertThat(message.get()).isEqualTo("Saved report.csv to " + target);
        outputs.save(new TaskOutputFile("report.csv", csv), temp.resolve("no/such/folder/x.csv"));
        assertThat(message.get()).startsWith("Cannot save report.csv to ");
    }
}

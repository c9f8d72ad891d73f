package dev.flowbench.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.fuzz.FlowMutator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReparseTest {
    private static final String FLOW = """
            id: hello
            namespace: company.team
            description: |
              First line.
              Second line.
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: hi
              - id: second
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo one
                  - echo two
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: ALWAYS
              - id: third
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.first }}"
            """;

    @Test
    void anEditInsideOneTaskReusesEveryOtherTaskAsTheSameObjects() {
        YamlDocument before = YamlDocument.parse(FLOW);
        YamlDocument after = YamlDocument.parse(FLOW.replace("echo two", "echo three"), before);

        assertSameAsFullParse(after);
        List<?> oldTasks = (List<?>) ((Map<?, ?>) before.root()).get("tasks");
        List<?> newTasks = (List<?>) ((Map<?, ?>) after.root()).get("tasks");
        assertThat(newTasks.get(0)).isSameAs(oldTasks.get(0));
        assertThat(newTasks.get(2)).isSameAs(oldTasks.get(2));
        assertThat(newTasks.get(1)).isNotSameAs(oldTasks.get(1));
    }

    @Test
    void anEditThatShiftsLaterTasksMovesTheirPositions() {
        YamlDocument before = YamlDocument.parse(FLOW);
        YamlDocument after = YamlDocument.parse(FLOW.replace("  First line.", "  A much longer first line."), before);

        assertSameAsFullParse(after);
        assertThat(after.keyRange("/tasks/2/message").orElseThrow().start().offset())
                .isEqualTo(after.text().indexOf("message: \"{{"));
        List<?> oldTasks = (List<?>) ((Map<?, ?>) before.root()).get("tasks");
        assertThat(((Map<?, ?>) after.root()).get("tasks")).isSameAs(oldTasks);
    }

    @Test
    void anEditThatBreaksTheYamlIsReadInFullWithItsError() {
        YamlDocument before = YamlDocument.parse(FLOW);
        YamlDocument after = YamlDocument.parse(FLOW.replace("message: hi", "message: {{ hi }}"), before);

        assertSameAsFullParse(after);
        assertThat(after.diagnostics()).isNotEmpty();
    }

    @Test
    void anAnchorTurnsReuseOffUntilTheTextIsSelfContainedAgain() {
        String anchored = FLOW.replace("message: hi", "message: &greeting hi");
        YamlDocument before = YamlDocument.parse(anchored);
        String edited = anchored.replace("echo one", "echo uno") + "  - id: fourth\n    message: *greeting\n";

        assertSameAsFullParse(YamlDocument.parse(edited, before));
    }

    @Test
    void randomEditsOfTheExampleFlowsGiveWhatAFullParseGives() throws IOException {
        Random random = new Random(Long.getLong("flowbench.fuzz.seed", 7L));
        List<String> corpus = new ArrayList<>(FlowMutator.corpus());
        corpus.add(FLOW);
        int reused = 0;
        for (int round = 0; round < 4_000; round++) {
            String base = corpus.get(random.nextInt(corpus.size()));
            YamlDocument previous = YamlDocument.parse(base);
            String edited = random.nextInt(3) == 0 ? FlowMutator.mutateOnce(base, random) : smallEdit(base, random);
            YamlDocument incremental = YamlDocument.parse(edited, previous);
            if (incremental.root() instanceof Map<?, ?> map
                    && previous.root() instanceof Map<?, ?> old
                    && map.values().stream()
                            .anyMatch(v -> v != null && old.containsValue(v) && !(v instanceof String))) {
                reused++;
            }
            assertSameAsFullParse(incremental);
        }
        assertThat(reused).as("edits that reused earlier values").isGreaterThan(500);
    }

    /** Types, deletes or replaces a few characters at one place, as a person editing does. */
    private static String smallEdit(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        int removed = random.nextInt(3) == 0 ? Math.min(random.nextInt(4), text.length() - at) : 0;
        String[] typed = {
            "!tag ",
            "&a ",
            "*a",
            "? ",
            "--- ",
            "a",
            "x1",
            " ",
            "\n",
            "\n    ",
            "-",
            ": ",
            "\"",
            "'",
            "#",
            "{{ inputs.x }}",
            "|",
            "[",
            "]"
        };
        String insert = random.nextBoolean() ? typed[random.nextInt(typed.length)] : "";
        return text.substring(0, at) + insert + text.substring(at + removed);
    }

    private static void assertSameAsFullParse(YamlDocument incremental) {
        YamlDocument full = YamlDocument.parse(incremental.text());
        assertThat(incremental.diagnostics()).as(incremental.text()).isEqualTo(full.diagnostics());
        assertThat(incremental.roots()).as(incremental.text()).isEqualTo(full.roots());
        assertThat(incremental.lineCount()).as(incremental.text()).isEqualTo(full.lineCount());
        for (int offset = 0; offset <= full.text().length(); offset++) {
            assertThat(incremental.position(offset)).isEqualTo(full.position(offset));
        }
        assertThat(incremental.rootNodes()).hasSameSizeAs(full.rootNodes());
        for (int i = 0; i < full.rootNodes().size(); i++) {
            assertSameNodes(incremental.rootNodes().get(i), full.rootNodes().get(i), "", incremental.text());
        }
    }

    private static void assertSameNodes(Node actual, Node expected, String pointer, String text) {
        String where = pointer + " in:\n" + text;
        assertThat(actual.kind).as("kind at " + where).isEqualTo(expected.kind);
        assertThat(actual.style).as("style at " + where).isEqualTo(expected.style);
        assertThat(new int[] {actual.start, actual.end, actual.hitEnd, actual.keyStart, actual.keyEnd})
                .as("start, end, hit end, key start, key end at " + where)
                .containsExactly(expected.start, expected.end, expected.hitEnd, expected.keyStart, expected.keyEnd);
        assertThat(actual.key).as("key at " + where).isEqualTo(expected.key);
        assertThat(actual.weight).as("weight at " + where).isEqualTo(expected.weight);
        assertThat(actual.kidCount).as("kids at " + where).isEqualTo(expected.kidCount);
        for (int i = 0; i < expected.kidCount; i++) {
            assertSameNodes(actual.kids[i], expected.kids[i], pointer + "/" + i, text);
        }
    }
}

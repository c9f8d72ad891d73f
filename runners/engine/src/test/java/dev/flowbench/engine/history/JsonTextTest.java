package dev.flowbench.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTextTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void taskOutputsReadBackAsTheyWereWritten() {
        Map<String, Object> runner = new LinkedHashMap<>();
        runner.put("pid", "4242");
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("vars", Map.of("text", "quote \" backslash \\ tab \t line\nend \u0001 é ✓"));
        outputs.put("exitCode", 3);
        outputs.put("big", 12_345_678_901L);
        outputs.put("ok", true);
        outputs.put("none", null);
        outputs.put("list", new ArrayList<>(Arrays.asList(1, "two", null, List.of(false))));
        outputs.put("runner", runner);

        String text = JsonText.write(outputs);

        assertThat(text).isNotNull();
        assertThat(JACKSON.readValue(text, LinkedHashMap.class)).isEqualTo(outputs);
        assertThat(text).isEqualTo(JACKSON.writeValueAsString(outputs));
    }

    @Test
    void emptyOutputsAreAnEmptyObject() {
        assertThat(JsonText.write(Map.of())).isEqualTo("{}");
    }

    @Test
    void valuesItDoesNotKnowAreLeftToJackson() {
        assertThat(JsonText.write(Map.of("at", Instant.EPOCH))).isNull();
        assertThat(JsonText.write(List.of(1.5))).isNull();
    }
}

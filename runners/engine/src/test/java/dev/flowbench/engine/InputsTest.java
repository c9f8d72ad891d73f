package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputsTest {

    private final List<Inputs.Declared> declared = Inputs.declared(Flows.parse("""
            inputs:
              - {id: s, type: STRING, required: false}
              - {id: i, type: INT, defaults: 1}
              - {id: f, type: FLOAT, defaults: 1.5}
              - {id: b, type: BOOLEAN, defaults: false}
              - {id: sel, type: SELECT, values: [a, b], defaults: a}
              - {id: dt, type: DATETIME, defaults: "2025-01-31T10:00:00Z"}
              - {id: d, type: DURATION, defaults: PT5M}
              - {id: j, type: JSON, defaults: '{"k": [1]}'}
            """));

    @Test
    void stringsFromTheCommandLineBecomeTypedValues() {
        Map<String, Object> typed = Inputs.resolve(declared, Map.of("i", "42", "b", "true", "f", "2"));
        assertThat(typed).containsEntry("i", 42).containsEntry("b", true).containsEntry("f", 2.0);
        assertThat(typed.get("dt")).isInstanceOf(ZonedDateTime.class);
        assertThat(typed.get("d")).isEqualTo(Duration.ofMinutes(5));
        assertThat(typed.get("j")).hasToString("{\"k\":[1]}");
        assertThat(typed).containsEntry("s", null);
    }

    @Test
    void wrongValueNamesTheInputAndTheExpectedType() {
        assertThatThrownBy(() -> Inputs.resolve(declared, Map.of("i", "many")))
                .hasMessage("input 'i' must be an integer (INT), not 'many'");
        assertThatThrownBy(() -> Inputs.resolve(declared, Map.of("sel", "c")))
                .hasMessage("input 'sel' must be one of a, b (SELECT), not 'c'");
    }

    @Test
    void unknownInputIsRejected() {
        assertThatThrownBy(() -> Inputs.resolve(declared, Map.of("zzz", "1")))
                .isInstanceOf(FlowException.class)
                .hasMessageStartingWith("unknown input 'zzz'; inputs: s (STRING, optional), i (INT, default 1)");
    }
}

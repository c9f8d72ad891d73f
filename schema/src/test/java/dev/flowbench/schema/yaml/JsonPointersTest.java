package dev.flowbench.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonPointersTest {
    @Test
    void childPointersEscapeTildeAndSlash() {
        assertThat(JsonPointers.child("/labels", "team/owner")).isEqualTo("/labels/team~1owner");
        assertThat(JsonPointers.child("", "a~b")).isEqualTo("/a~0b");
        assertThat(JsonPointers.child("/tasks", 3)).isEqualTo("/tasks/3");
        assertThat(JsonPointers.of("tasks", "0", "taskRunner")).isEqualTo("/tasks/0/taskRunner");
    }

    @Test
    void segmentsUnescapeInTheRightOrder() {
        assertThat(JsonPointers.segments("/a~01/b~1c//")).containsExactly("a~1", "b/c", "", "");
        assertThat(JsonPointers.segments("")).isEmpty();
        assertThatThrownBy(() -> JsonPointers.segments("tasks")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentLastAndWithinNavigateThePointer() {
        assertThat(JsonPointers.parent("/tasks/0/id")).isEqualTo("/tasks/0");
        assertThat(JsonPointers.parent("/tasks")).isEmpty();
        assertThat(JsonPointers.parent("")).isNull();
        assertThat(JsonPointers.last("/labels/team~1owner")).isEqualTo("team/owner");
        assertThat(JsonPointers.isWithin("/tasks/0/id", "/tasks/0")).isTrue();
        assertThat(JsonPointers.isWithin("/tasks/10", "/tasks/1")).isFalse();
        assertThat(JsonPointers.isWithin("/tasks", "")).isTrue();
    }
}

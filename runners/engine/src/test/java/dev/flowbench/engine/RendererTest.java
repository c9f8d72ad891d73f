package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {

    private final Renderer renderer = new Renderer("id: x\ntasks:\n  - message: \"{{ missing.value }}\"\n");

    private Map<String, Object> context(Path readable) {
        Map<String, Object> context = new HashMap<>();
        Map<String, Object> vars = new java.util.LinkedHashMap<>();
        vars.put("list", List.of(1, 2));
        vars.put("n", 3);
        context.put("outputs", Json.printable(Map.of("t", Map.of("vars", vars))));
        context.put(
                FlowbenchExtension.SCOPE,
                new FlowbenchExtension.Scope(Map.of("TOKEN", "abc"), readable == null ? List.of() : List.of(readable)));
        return context;
    }

    @Test
    void listsAndMapsRenderAsJson() {
        assertThat(renderer.render("{{ outputs.t.vars.list }} {{ outputs.t.vars }}", context(null)))
                .isEqualTo("[1,2] {\"list\":[1,2],\"n\":3}");
    }

    @Test
    void jsonFilterAndFunctionConvertBothWays() {
        assertThat(renderer.render("{{ {'a': 1} | json }}", context(null))).isEqualTo("{\"a\":1}");
        assertThat(renderer.render("{{ json('{\"b\": [5]}').b[0] }}", context(null)))
                .isEqualTo("5");
    }

    @Test
    void defaultAndDateAndNowWork() {
        assertThat(renderer.render("{{ outputs.t.vars.nothing | default('none') }}", context(null)))
                .isEqualTo("none");
        assertThat(renderer.render("{{ now() | date('yyyy') }}", context(null))).matches("\\d{4}");
    }

    @Test
    void secretFunctionReadsTheSecretSource() {
        assertThat(renderer.render("{{ secret('TOKEN') }}", context(null))).isEqualTo("abc");
    }

    @Test
    void readIsLimitedToItsRoots(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "content");
        assertThat(renderer.render("{{ read('" + file + "') }}", context(dir))).isEqualTo("content");
        assertThatThrownBy(() -> renderer.render("{{ read('/etc/hostname') }}", context(dir)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("read() only reads");
    }

    @Test
    void unknownVariableNamesItsExpressionAndLine() {
        assertThatThrownBy(() -> renderer.render("{{ missing.value }}", context(null)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("unknown variable 'missing' in {{ missing.value }} (line 3)");
    }

    @Test
    void syntaxErrorIsOneLine() {
        assertThatThrownBy(() -> renderer.render("{{ foo( }}", context(null)))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("cannot render {{ foo( }}:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void textWithoutExpressionsIsReturnedAsIs() {
        assertThat(renderer.render("plain {text}", context(null))).isEqualTo("plain {text}");
    }
}

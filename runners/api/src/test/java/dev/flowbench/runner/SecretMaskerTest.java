package dev.flowbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private final SecretMasker masker = SecretMasker.of("hunter2!", "multi\nline\nkey");

    @Test
    void plainValueIsMasked() {
        assertThat(masker.mask("password=hunter2! ok")).isEqualTo("password=****** ok");
    }

    @Test
    void base64FormsAreMasked() {
        String b64 = Base64.getEncoder().encodeToString("hunter2!".getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask("basic " + b64))
                .doesNotContain(b64.replace("=", ""))
                .contains(SecretMasker.MASK);
    }

    @Test
    void urlEncodedFormIsMasked() {
        SecretMasker spaced = SecretMasker.of("p@ss word/é");
        String plus = URLEncoder.encode("p@ss word/é", StandardCharsets.UTF_8);
        assertThat(spaced.mask("q=" + plus)).isEqualTo("q=******");
        assertThat(spaced.mask("q=" + plus.replace("+", "%20"))).isEqualTo("q=******");
    }

    @Test
    void multiLineValueIsMaskedWholeAndLineByLine() {
        assertThat(masker.mask("before multi\nline\nkey after")).isEqualTo("before ****** after");
        assertThat(masker.mask("only line printed")).isEqualTo("only ****** printed");
        assertThat(masker.mask("crlf multi\r\nline\r\nkey")).isEqualTo("crlf ******");
    }

    @Test
    void valueSplitAcrossTwoChunksIsMaskedInAStream() {
        SecretMasker.Stream stream = masker.stream();
        String first = stream.push("token hun");
        String second = stream.push("ter2! done\n");
        assertThat(first + second + stream.flush()).isEqualTo("token ****** done\n");
        assertThat(first).isEqualTo("token ");
    }

    @Test
    void multiLineValueSplitAcrossChunksIsMaskedInAStream() {
        SecretMasker.Stream stream = masker.stream();
        StringBuilder out = new StringBuilder();
        for (String chunk : List.of("x multi\n", "line", "\nkey y\n")) {
            out.append(stream.push(chunk));
        }
        out.append(stream.flush());
        assertThat(out).hasToString("x ****** y\n");
    }

    @Test
    void textThatOnlyStartsLikeASecretIsReleasedOnFlush() {
        SecretMasker.Stream stream = masker.stream();
        assertThat(stream.push("say hunt")).isEqualTo("say ");
        assertThat(stream.push("er")).isEmpty();
        assertThat(stream.flush()).isEqualTo("hunter");
    }

    @Test
    void ordinaryTextIsReleasedAtOnce() {
        SecretMasker.Stream stream = masker.stream();
        assertThat(stream.push("nothing secret here\n")).isEqualTo("nothing secret here\n");
    }

    @Test
    void longestFormWinsWhenValuesOverlap() {
        SecretMasker overlapping = SecretMasker.of("abc", "abcdef");
        assertThat(overlapping.mask("abcdefg abc")).isEqualTo("******g ******");
        SecretMasker.Stream stream = overlapping.stream();
        String out = stream.push("xabcd") + stream.push("ef!") + stream.flush();
        assertThat(out).isEqualTo("x******!");
    }

    @Test
    void treesAreMaskedInKeysAndValues() {
        Object masked = masker.maskTree(Map.of("hunter2!", List.of("a hunter2!", 3)));
        assertThat(masked).isEqualTo(Map.of("******", List.of("a ******", 3)));
    }

    @Test
    void blankValuesAndNoneMaskNothing() {
        assertThat(SecretMasker.of("", " ", null).isEmpty()).isTrue();
        assertThat(SecretMasker.NONE.mask("anything")).isEqualTo("anything");
    }
}

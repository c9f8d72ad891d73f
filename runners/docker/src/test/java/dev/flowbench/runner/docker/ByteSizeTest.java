package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    private static final long MIB = 1024L * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"512Mi", "512m", "512M", "512MB", "512mb", "512MiB", "512 MB", " 512Mi ", "0.5g", "0.5Gi"})
    void dockerAndKubernetesNotationsOfHalfAGibibyteAgree(String text) {
        assertThat(ByteSize.parse(text)).isEqualTo(512 * MIB);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1024, 1024",
        "10b, 10",
        "1k, 1024",
        "1Ki, 1024",
        "64m, 67108864",
        "1g, 1073741824",
        "1Gi, 1073741824",
        "1.5g, 1610612736",
        "2t, 2199023255552",
        "1p, 1125899906842624",
        "1.0000001k, 1024"
    })
    void unitsAreBinaryAndFractionsRoundDown(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "m", "-1", "512x", "1.g", ".5g", "512 M B", "1e9", "512mm", "512iB", "{{ x }}"})
    void textThatIsNotASizeIsRejectedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text.strip() + "'")
                .hasMessageContaining("512Mi, 512m, 1g or 512MB");
    }

    @Test
    void nullIsRejectedLikeEmptyText() {
        assertThatThrownBy(() -> ByteSize.parse(null)).hasMessageStartingWith("'' is not a size");
    }

    @Test
    void sizesBeyondALongAreRejected() {
        assertThatThrownBy(() -> ByteSize.parse("99999999p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'99999999p' is too large for a size in bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"512Mi", "512m", "1g", "512MB", "512 MB", "7", "1.5g", "", "x", "-1", "1e9", "512iB", "m"})
    void schemaPatternAcceptsExactlyWhatTheParserAccepts(String text) {
        boolean parses;
        try {
            ByteSize.parse(text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertThat(Pattern.compile(ByteSize.PATTERN).matcher(text).find()).isEqualTo(parses);
    }

    @ParameterizedTest
    @CsvSource({"67108864, 64Mi", "1073741824, 1Gi", "1536, 1536", "1000, 1000", "0, 0", "2048, 2Ki"})
    void formatUsesTheLargestExactBinaryUnit(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}

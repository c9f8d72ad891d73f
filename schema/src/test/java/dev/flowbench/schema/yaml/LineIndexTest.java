package dev.flowbench.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Position;
import org.junit.jupiter.api.Test;

class LineIndexTest {
    @Test
    void linesBreakAtNewlineCarriageReturnNewlineAndLoneCarriageReturn() {
        var lines = LineIndex.of("a\nb\r\nc\rd");

        assertThat(lines.lineCount()).isEqualTo(4);
        assertThat(lines.position(5)).isEqualTo(new Position(2, 0, 5));
        assertThat(lines.position(7)).isEqualTo(new Position(3, 0, 7));
        assertThat(lines.offset(1, 99)).as("clamped to the line").isEqualTo(5);
        assertThat(lines.offset(9, 0)).isEqualTo(8);
    }

    @Test
    void codePointIndexesBecomeUtf16OffsetsAfterSupplementaryCharacters() {
        var lines = LineIndex.of("a😀b😀c");

        assertThat(lines.utf16(0)).isZero();
        assertThat(lines.utf16(1)).isEqualTo(1);
        assertThat(lines.utf16(2)).isEqualTo(3);
        assertThat(lines.utf16(4)).isEqualTo(6);
        assertThat(lines.utf16(5)).isEqualTo(7);
    }

    @Test
    void positionsAreClampedIntoTheText() {
        var lines = LineIndex.of("ab\n");

        assertThat(lines.position(-3)).isEqualTo(new Position(0, 0, 0));
        assertThat(lines.position(99)).isEqualTo(new Position(1, 0, 3));
    }

    @Test
    void theFirstCharacterYamlForbidsIsNotedWhileIndexing() {
        assertThat(LineIndex.of("a: b\tc\r\n😀 é\u0085").firstDisallowed()).isEqualTo(-1);
        assertThat(LineIndex.of("a: b\u0007c\u0000").firstDisallowed()).isEqualTo(4);
        assertThat(LineIndex.of("a\ud800b").firstDisallowed()).isEqualTo(1);
        assertThat(LineIndex.of("ab\udc00").firstDisallowed()).isEqualTo(2);
        assertThat(LineIndex.of("\u007f").firstDisallowed()).isZero();
    }
}

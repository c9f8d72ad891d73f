package dev.flowbench.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CoreScalarsTest {
    @Test
    void plainScalarsResolveToCoreSchemaTypes() {
        assertThat(CoreScalars.plain("")).isNull();
        assertThat(CoreScalars.plain("~")).isNull();
        assertThat(CoreScalars.plain("FALSE")).isEqualTo(false);
        assertThat(CoreScalars.plain("+12")).isEqualTo(12L);
        assertThat(CoreScalars.plain("012")).isEqualTo(12L);
        assertThat(CoreScalars.plain("0x")).isEqualTo("0x");
        assertThat(CoreScalars.plain("0o8")).isEqualTo("0o8");
        assertThat(CoreScalars.plain("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(CoreScalars.plain(".5")).isEqualTo(0.5);
        assertThat(CoreScalars.plain("5.")).isEqualTo(5.0);
        assertThat(CoreScalars.plain("1e3")).isEqualTo(1000.0);
        assertThat(CoreScalars.plain("1e")).isEqualTo("1e");
        assertThat(CoreScalars.plain(".")).isEqualTo(".");
        assertThat(CoreScalars.plain("-")).isEqualTo("-");
        assertThat((Double) CoreScalars.plain(".NaN")).isNaN();
        assertThat(CoreScalars.plain("+.inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(CoreScalars.plain("1_000")).isEqualTo("1_000");
        assertThat(CoreScalars.plain("500m")).isEqualTo("500m");
        assertThat(CoreScalars.plain("nullish")).isEqualTo("nullish");
    }

    @Test
    void explicitTagsDecideTheType() {
        String tag = CoreScalars.TAG_PREFIX;
        assertThat(CoreScalars.tagged(tag + "str", "true", true)).isEqualTo("true");
        assertThat(CoreScalars.tagged(tag + "int", "7", false)).isEqualTo(7L);
        assertThat(CoreScalars.tagged(tag + "int", "", false)).isEqualTo("");
        assertThat(CoreScalars.tagged(tag + "float", "7", true)).isEqualTo(7.0);
        assertThat(CoreScalars.tagged(tag + "null", "", true)).isNull();
        assertThat(CoreScalars.tagged("!", "12", true)).isEqualTo("12");
        assertThat(CoreScalars.tagged("!custom", "12", true)).isEqualTo(12L);
        assertThat(CoreScalars.tagged(null, "12", false)).isEqualTo("12");
    }
}

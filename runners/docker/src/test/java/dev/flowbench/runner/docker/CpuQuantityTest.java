package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuQuantityTest {

    @ParameterizedTest
    @CsvSource({
        "1, 1000000000",
        "0.5, 500000000",
        "500m, 500000000",
        "2.25, 2250000000",
        "1m, 1000000",
        "16, 16000000000"
    })
    void dockerAndKubernetesCpuCountsBecomeNanoCpus(String text, long nanos) {
        assertThat(CpuQuantity.nanoCpus(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1000000000", "0.5, 500000000", "0.01, 10000000"})
    void numbersFromYamlBecomeNanoCpus(double cpus, long nanos) {
        assertThat(CpuQuantity.nanoCpus(cpus)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "one", "-1", "0", "0m", "1.5.2", "500mi", "1g"})
    void textThatIsNotAPositiveCpuCountIsRejected(String text) {
        assertThatThrownBy(() -> CpuQuantity.nanoCpus(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void numbersThatAreNotPositiveCpuCountsAreRejected(double cpus) {
        assertThatThrownBy(() -> CpuQuantity.nanoCpus(cpus)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RunnerException;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void kubernetesMemoryQuantitiesPassUnchanged() {
        assertThat(Quantities.memory("m", "256Mi")).isEqualTo("256Mi");
        assertThat(Quantities.memory("m", "1G")).isEqualTo("1G");
        assertThat(Quantities.memory("m", "1048576")).isEqualTo("1048576");
    }

    @Test
    void dockerMemorySpellingsBecomeBinaryQuantities() {
        assertThat(Quantities.memory("m", "512m")).isEqualTo("512Mi");
        assertThat(Quantities.memory("m", "1g")).isEqualTo("1Gi");
        assertThat(Quantities.memory("m", "512MB")).isEqualTo("512Mi");
    }

    @Test
    void unknownMemoryUnitIsOneClearLine() {
        assertThatThrownBy(() -> Quantities.memory("resources.limit.memory", "12 parsecs"))
                .isInstanceOf(RunnerException.class)
                .hasMessageStartingWith("resources.limit.memory '12 parsecs' is not a size");
    }

    @Test
    void cpuAcceptsCoresAndMillicoresOnly() {
        assertThat(Quantities.cpu("c", "500m")).isEqualTo("500m");
        assertThat(Quantities.cpu("c", "0.5")).isEqualTo("0.5");
        assertThatThrownBy(() -> Quantities.cpu("resources.request.cpu", "half"))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("'half' is not a CPU quantity");
    }
}

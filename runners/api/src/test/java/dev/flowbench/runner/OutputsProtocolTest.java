package dev.flowbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputsProtocolTest {

    @Test
    void outputsLineCarriesTypedValues() {
        var message = OutputsProtocol.parse("::{\"outputs\":{\"n\":1,\"s\":\"x\",\"l\":[1,2],\"b\":false}}::");
        assertThat(message).isNotNull();
        assertThat(message.outputs())
                .containsEntry("n", 1)
                .containsEntry("s", "x")
                .containsEntry("l", List.of(1, 2))
                .containsEntry("b", false);
    }

    @Test
    void metricsLineCarriesNameTypeValueAndTags() {
        var message = OutputsProtocol.parse(
                "  ::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":1.5,\"tags\":{\"k\":\"v\"}}]}::  ");
        assertThat(message.metrics()).containsExactly(new Metric("t", "timer", 1.5, Map.of("k", "v")));
    }

    @Test
    void ordinaryAndMalformedLinesAreLogs() {
        assertThat(OutputsProtocol.parse("hello")).isNull();
        assertThat(OutputsProtocol.parse("::{not json}::")).isNull();
        assertThat(OutputsProtocol.parse("::{\"other\":1}::")).isNull();
        assertThat(OutputsProtocol.parse("::[1]::")).isNull();
    }
}

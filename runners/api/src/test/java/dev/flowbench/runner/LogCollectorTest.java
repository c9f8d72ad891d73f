package dev.flowbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogCollectorTest {

    @Test
    void multiByteCharacterSplitAcrossChunksIsDecoded() {
        var listener = new RecordingListener();
        var collector = new LogCollector(SecretMasker.NONE, listener);
        byte[] bytes = "ünï ✓\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            collector.accept(LogLine.Stream.STDOUT, new byte[] {b}, 0, 1);
        }
        collector.close();
        assertThat(listener.stdout()).containsExactly("ünï ✓");
    }

    @Test
    void lastUnterminatedLineAndCarriageReturnsAreHandled() {
        var listener = new RecordingListener();
        var collector = new LogCollector(SecretMasker.NONE, listener);
        collector.accept(LogLine.Stream.STDERR, "a\r\nb");
        collector.close();
        collector.close();
        assertThat(listener.stderr()).containsExactly("a", "b");
        assertThat(collector.stderrLines()).isEqualTo(2);
    }

    @Test
    void secretSplitAcrossWritesNeverReachesTheListener() {
        var listener = new RecordingListener();
        var collector = new LogCollector(SecretMasker.of("topsecret"), listener);
        collector.accept(LogLine.Stream.STDOUT, "key=top");
        collector.accept(LogLine.Stream.STDOUT, "secret\nnext\n");
        collector.close();
        assertThat(listener.stdout()).containsExactly("key=******", "next");
    }

    @Test
    void outputsCarryingASecretAreMaskedAndNotLogged() {
        var listener = new RecordingListener();
        var collector = new LogCollector(SecretMasker.of("topsecret"), listener);
        collector.accept(LogLine.Stream.STDOUT, "::{\"outputs\":{\"token\":\"topsecret\"}}::\n");
        collector.close();
        assertThat(listener.lines()).isEmpty();
        assertThat(collector.outputs()).containsEntry("token", SecretMasker.MASK);
    }

    @Test
    void throwingListenerDoesNotStopTheStream() {
        var collector = new LogCollector(SecretMasker.NONE, new RunListener() {
            @Override
            public void log(LogLine line) {
                throw new IllegalStateException("broken listener");
            }
        });
        collector.accept(LogLine.Stream.STDOUT, "::{\"outputs\":{\"a\":1}}::\nx\n");
        collector.close();
        assertThat(collector.outputs()).containsEntry("a", 1);
    }
}

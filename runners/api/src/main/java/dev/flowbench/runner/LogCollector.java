package dev.flowbench.runner;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw output of a run into what the engine expects: UTF-8 decoding (a character may be split
 * across chunks), secret masking (a secret may be split across chunks or lines), line splitting, and the
 * outputs protocol on stdout. Each runner feeds it bytes or lines; it forwards log lines to the listener
 * and accumulates outputs and metrics for the {@link RunResult}.
 *
 * <p>Thread-safe: stdout and stderr may be fed from two threads; the listener is called under one lock, so
 * it never sees two calls at once.
 */
public final class LogCollector {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private static final int MIN_CHARS = 256;
    private static final int MAX_CHARS = 8192;

    private final RunListener listener;
    private final Channel stdout;
    private final Channel stderr;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private long stderrLines;

    /** A collector masking with {@code masker} and forwarding log lines to {@code listener}. */
    public LogCollector(SecretMasker masker, RunListener listener) {
        this.listener = listener;
        this.stdout = new Channel(LogLine.Stream.STDOUT, masker);
        this.stderr = new Channel(LogLine.Stream.STDERR, masker);
    }

    /** Feeds raw bytes of one stream; lines are emitted as soon as they are complete. */
    public void accept(LogLine.Stream stream, byte[] bytes, int offset, int length) {
        channel(stream).bytes(ByteBuffer.wrap(bytes, offset, length), false);
    }

    /** Feeds text of one stream (for runners whose client already decoded it). */
    public void accept(LogLine.Stream stream, String text) {
        channel(stream).text(text, null);
    }

    /**
     * Feeds one complete line of one stream with the time the remote side stamped it; the line terminator
     * is implied.
     */
    public void acceptLine(LogLine.Stream stream, String line, Instant timestamp) {
        channel(stream).text(line + "\n", timestamp);
    }

    /** Ends both streams: a last unterminated line is emitted and held-back text released. Idempotent. */
    public void close() {
        stdout.bytes(EMPTY, true);
        stderr.bytes(EMPTY, true);
    }

    /** The outputs set so far through the protocol; a copy. */
    public synchronized Map<String, Object> outputs() {
        return new LinkedHashMap<>(outputs);
    }

    /** The metrics recorded so far through the protocol; a copy. */
    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    /** How many lines arrived on stderr, e.g. for {@code warningOnStdErr}. */
    public synchronized long stderrLines() {
        return stderrLines;
    }

    private Channel channel(LogLine.Stream stream) {
        return stream == LogLine.Stream.STDOUT ? stdout : stderr;
    }

    private synchronized void emit(LogLine.Stream stream, String text, Instant timestamp) {
        if (stream == LogLine.Stream.STDOUT) {
            OutputsProtocol.Message message = OutputsProtocol.parse(text);
            if (message != null) {
                outputs.putAll(message.outputs());
                metrics.addAll(message.metrics());
                return;
            }
        } else {
            stderrLines++;
        }
        try {
            listener.log(new LogLine(stream, timestamp == null ? Instant.now() : timestamp, text));
        } catch (RuntimeException ignored) {
            // Listener rule: never throw. A broken listener loses this line, the run goes on.
        }
    }

    /** One stream's decoder, masker and line buffer; guarded by its own lock so two streams run in parallel. */
    private final class Channel {
        private final LogLine.Stream stream;
        private final SecretMasker.Stream masker;
        private final StringBuilder line = new StringBuilder();
        // Created with the first bytes: many runs write little or nothing to a stream (often stderr).
        private CharsetDecoder decoder;
        private CharBuffer chars;
        private ByteBuffer leftover = EMPTY;
        private boolean closed;

        Channel(LogLine.Stream stream, SecretMasker masker) {
            this.stream = stream;
            this.masker = masker.stream();
        }

        synchronized void bytes(ByteBuffer input, boolean end) {
            if (closed) {
                return;
            }
            if (decoder == null) {
                if (!input.hasRemaining()) {
                    if (end) {
                        finish();
                    }
                    return;
                }
                decoder = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
            }
            if (chars == null || (chars.capacity() < MAX_CHARS && chars.capacity() < input.remaining())) {
                // one UTF-8 byte decodes to at most one char; larger chunks are decoded in several rounds
                chars = CharBuffer.allocate(Math.min(MAX_CHARS, Math.max(MIN_CHARS, input.remaining())));
            }
            ByteBuffer in = input;
            if (leftover.hasRemaining()) {
                in = ByteBuffer.allocate(leftover.remaining() + input.remaining());
                in.put(leftover).put(input).flip();
            }
            while (true) {
                chars.clear();
                var result = decoder.decode(in, chars, end);
                chars.flip();
                if (chars.hasRemaining()) {
                    masked(chars.toString(), null);
                }
                if (!result.isOverflow()) {
                    break;
                }
            }
            leftover = in.hasRemaining()
                    ? ByteBuffer.allocate(in.remaining()).put(in).flip()
                    : EMPTY;
            if (end) {
                chars.clear();
                decoder.flush(chars);
                chars.flip();
                if (chars.hasRemaining()) {
                    masked(chars.toString(), null);
                }
                finish();
            }
        }

        synchronized void text(String text, Instant timestamp) {
            if (!closed) {
                masked(text, timestamp);
            }
        }

        private void masked(String text, Instant timestamp) {
            split(masker.push(text), timestamp);
        }

        private void finish() {
            split(masker.flush(), null);
            if (!line.isEmpty()) {
                emitLine(null);
            }
            closed = true;
        }

        private void split(String text, Instant timestamp) {
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line.append(text, start, i);
                    emitLine(timestamp);
                    start = i + 1;
                }
            }
            line.append(text, start, text.length());
        }

        private void emitLine(Instant timestamp) {
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
            String text = line.substring(0, end);
            line.setLength(0);
            emit(stream, text, timestamp);
        }
    }
}

package dev.flowbench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;

/**
 * Follows the log of one container until it has terminated and every line has arrived. A follow stream that
 * ends early (an API server or kubelet closing it, a dropped connection) is resumed from the last timestamp
 * seen, skipping the lines already delivered; the stream after which the container was known to be terminated
 * is the last.
 */
final class PodLogStream {

    /** Receives each line with the time the node stamped it. */
    interface Sink {
        void line(Instant timestamp, String text);
    }

    private final PodResource pod;
    private final String container;
    private final Sink sink;
    private final BooleanSupplier stopped;
    private volatile LogWatch current;

    PodLogStream(
            KubernetesClient client,
            String namespace,
            String pod,
            String container,
            Sink sink,
            BooleanSupplier stopped) {
        this.pod = client.pods().inNamespace(namespace).withName(pod);
        this.container = container;
        this.sink = sink;
        this.stopped = stopped;
    }

    /** Reads until the container has terminated and its log is drained, the pod is gone, or stop is asked. */
    void run() {
        Instant last = null;
        int seenAtLast = 0;
        long pause = 50;
        while (!stopped.getAsBoolean()) {
            Pod snapshot;
            try {
                snapshot = pod.get();
            } catch (KubernetesClientException e) {
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
                continue;
            }
            if (snapshot == null) {
                return;
            }
            if (!PodProblems.started(snapshot, container)) {
                sleep(pause);
                pause = Math.min(pause * 2, 500);
                continue;
            }
            boolean terminatedBefore = PodProblems.terminated(snapshot, container) != null;
            var log = pod.inContainer(container).withReadyWaitTimeout(0).usingTimestamps();
            try (LogWatch watch = last == null
                    ? log.watchLog()
                    : log.sinceTime(last.toString()).watchLog()) {
                current = watch;
                InputStream in = watch.getOutput();
                ByteArrayOutputStream line = new ByteArrayOutputStream(256);
                int skip = 0;
                int b;
                byte[] buffer = new byte[16 * 1024];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    for (int i = 0; i < read; i++) {
                        b = buffer[i];
                        if (b != '\n') {
                            line.write(b);
                            continue;
                        }
                        String raw = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        int space = raw.indexOf(' ');
                        Instant ts = parse(space < 0 ? raw : raw.substring(0, space));
                        String text = space < 0 ? "" : raw.substring(space + 1);
                        if (ts == null) {
                            sink.line(Instant.now(), raw);
                            continue;
                        }
                        if (last != null && ts.isBefore(last)) {
                            continue;
                        }
                        if (last != null && ts.equals(last) && skip < seenAtLast) {
                            skip++;
                            continue;
                        }
                        sink.line(ts, text);
                        if (ts.equals(last)) {
                            seenAtLast++;
                            skip++;
                        } else {
                            last = ts;
                            seenAtLast = 1;
                            skip = 1;
                        }
                    }
                }
            } catch (IOException | KubernetesClientException e) {
                // The stream broke: the loop asks the pod again and resumes from the last line seen.
            } finally {
                current = null;
            }
            if (terminatedBefore) {
                return;
            }
            pause = 50;
            sleep(pause);
        }
    }

    /** Closes the stream being read, so that {@link #run} notices a stop at once. */
    void interrupt() {
        LogWatch watch = current;
        if (watch != null) {
            watch.close();
        }
    }

    private static Instant parse(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

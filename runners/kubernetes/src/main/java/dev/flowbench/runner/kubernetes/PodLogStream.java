package dev.flowbench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final PodResource pod;
    private final String container;
    private final Sink sink;
    private final BooleanSupplier stopped;
    private volatile InputStream current;

    PodLogStream(
            KubernetesClient client,
            String namespace,
            String pod,
            String container,
            Sink sink,
            BooleanSupplier stopped) {
        this.client = client;
        this.namespace = namespace;
        this.name = pod;
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
            try (InputStream in = open(last)) {
                current = in;
                if (in == null) {
                    sleep(pause);
                    pause = Math.min(pause * 2, 500);
                    continue;
                }
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

    /**
     * Opens a follow stream from {@code since} (null: the beginning), or returns null when the server refuses
     * (the container is not ready to log yet). The request is made directly rather than with fabric8's log
     * operations, which first watch the pod for readiness: a watch per reconnect is pure overhead here.
     */
    private InputStream open(Instant since) throws IOException {
        StringBuilder path = new StringBuilder("api/v1/namespaces/")
                .append(encode(namespace))
                .append("/pods/")
                .append(encode(name))
                .append("/log?container=")
                .append(encode(container))
                .append("&follow=true&timestamps=true");
        if (since != null) {
            path.append("&sinceTime=").append(encode(since.toString()));
        }
        URI uri = URI.create(client.getMasterUrl().toString()).resolve(path.toString());
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder().uri(uri).build();
        HttpResponse<InputStream> response;
        try {
            response = http.sendAsync(request, InputStream.class).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(e);
        }
        if (!response.isSuccessful()) {
            response.body().close();
            return null;
        }
        return response.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Closes the stream being read, so that {@link #run} notices a stop at once. */
    void interrupt() {
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
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

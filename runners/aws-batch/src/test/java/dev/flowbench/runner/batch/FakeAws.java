package dev.flowbench.runner.batch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for three AWS services on one HTTP port, speaking their wire protocols as the AWS SDK sends
 * them: Batch (REST-JSON under {@code /v1/…}), CloudWatch Logs (JSON 1.1, {@code X-Amz-Target}) and S3 (path-style
 * objects). Submitted jobs really run: each becomes a container on the Docker engine (host network, so that it
 * can fetch its presigned S3 URLs from this server), its output becomes the job's log stream, and its exit code
 * the job's final status. Every request's {@code Authorization} header is recorded with the service it targeted.
 */
final class FakeAws implements AutoCloseable {

    /** One request as received: which service, which operation, and its Authorization header. */
    record Call(String service, String operation, String authorization) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String id = Long.toHexString(System.nanoTime());
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> definitions = new ConcurrentHashMap<>();
    private final Set<String> deregistered = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> queues = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, LogStream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, String> secretKeys =
            new ConcurrentHashMap<>(Map.of("AKIDFLOWBENCHTEST", "test-secret-key"));

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to give as {@code endpointOverride}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The stored object {@code bucket/key}, or null. */
    byte[] object(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    /** Lets POST uploads signed with this key pair in (the SDK's own requests are not checked). */
    void trust(String accessKeyId, String secretKey) {
        secretKeys.put(accessKeyId, secretKey);
    }

    /** Removes one stored object, as a test's own clean-up. */
    void deleteObject(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    /** Keys of the objects stored in {@code bucket}. */
    List<String> keys(String bucket) {
        return objects.keySet().stream()
                .filter(k -> k.startsWith(bucket + "/"))
                .map(k -> k.substring(bucket.length() + 1))
                .toList();
    }

    /** The job as Batch would describe it, or null. */
    JsonNode job(String jobId) {
        Job job = jobs.get(jobId);
        return job == null ? null : job.describe();
    }

    /** The registered job definition with this name (last revision), or null. */
    JsonNode definition(String name) {
        return definitions.values().stream()
                .filter(d -> d.path("jobDefinitionName").asString().equals(name))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    /** Whether the job definition with this ARN was deregistered. */
    boolean deregistered(String arn) {
        return deregistered.contains(arn);
    }

    /** Names of queues that exist. */
    Set<String> queueNames() {
        return Set.copyOf(queues.keySet());
    }

    /** Docker containers of the job that still exist. */
    List<String> containers(String jobId) {
        String out = TestDocker.check(List.of("ps", "-a", "-q", "--filter", "label=flowbench.test/job=" + jobId));
        return out.isBlank() ? List.of() : List.of(out.split("\\s+"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/v1/")) {
                String operation = path.substring(4);
                calls.add(new Call("batch", operation, auth));
                respond(exchange, batch(operation, JSON.readTree(body.length == 0 ? "{}".getBytes() : body)));
            } else if (target != null && target.startsWith("Logs_20140328.")) {
                calls.add(new Call("logs", target.substring(target.indexOf('.') + 1), auth));
                respond(exchange, logs(target.substring(target.indexOf('.') + 1), JSON.readTree(body)));
            } else {
                calls.add(new Call("s3", exchange.getRequestMethod(), auth));
                s3(exchange, path.substring(1), exchange.getRequestURI().getRawQuery(), body);
            }
        } catch (Failure failure) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", failure.type);
            byte[] out = JSON.writeValueAsBytes(Map.of("__type", failure.type, "message", failure.getMessage()));
            exchange.sendResponseHeaders(400, out.length);
            exchange.getResponseBody().write(out);
        } catch (RuntimeException e) {
            byte[] out = JSON.writeValueAsBytes(Map.of("__type", "ServerException", "message", String.valueOf(e)));
            exchange.sendResponseHeaders(500, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private static void respond(HttpExchange exchange, Object value) throws IOException {
        byte[] out = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
    }

    private Object batch(String operation, JsonNode in) {
        String account = "arn:aws:batch:us-east-1:123456789012:";
        switch (operation) {
            case "registerjobdefinition" -> {
                String name = in.path("jobDefinitionName").asString();
                int revision = sequence.incrementAndGet();
                String arn = account + "job-definition/" + name + ":" + revision;
                ObjectNode definition = ((ObjectNode) in).deepCopy();
                definition
                        .put("jobDefinitionArn", arn)
                        .put("revision", revision)
                        .put("status", "ACTIVE");
                definitions.put(arn, definition);
                return Map.of("jobDefinitionName", name, "jobDefinitionArn", arn, "revision", revision);
            }
            case "deregisterjobdefinition" -> {
                String arn = in.path("jobDefinition").asString();
                if (!definitions.containsKey(arn)) {
                    throw new Failure("ClientException", "job definition " + arn + " does not exist");
                }
                deregistered.add(arn);
                definitions.get(arn).put("status", "INACTIVE");
                return Map.of();
            }
            case "createjobqueue" -> {
                String name = in.path("jobQueueName").asString();
                ObjectNode queue = ((ObjectNode) in).deepCopy();
                queue.put("jobQueueArn", account + "job-queue/" + name).put("status", "VALID");
                queues.put(name, queue);
                return Map.of(
                        "jobQueueName",
                        name,
                        "jobQueueArn",
                        queue.get("jobQueueArn").asString());
            }
            case "describejobqueues" -> {
                List<JsonNode> found = new ArrayList<>();
                for (JsonNode wanted : in.path("jobQueues")) {
                    queues.values().stream()
                            .filter(q -> q.get("jobQueueArn").asString().equals(wanted.asString())
                                    || q.get("jobQueueName").asString().equals(wanted.asString()))
                            .forEach(found::add);
                }
                return Map.of("jobQueues", found);
            }
            case "updatejobqueue" -> {
                ObjectNode queue = queue(in.path("jobQueue").asString());
                if (in.has("state")) {
                    queue.put("state", in.get("state").asString());
                }
                return Map.of(
                        "jobQueueName",
                        queue.get("jobQueueName").asString(),
                        "jobQueueArn",
                        queue.get("jobQueueArn").asString());
            }
            case "deletejobqueue" -> {
                ObjectNode queue = queue(in.path("jobQueue").asString());
                if (!"DISABLED".equals(queue.path("state").asString())) {
                    throw new Failure("ClientException", "a job queue must be DISABLED before it is deleted");
                }
                queues.remove(queue.get("jobQueueName").asString());
                return Map.of();
            }
            case "submitjob" -> {
                ObjectNode definition = definitions.get(in.path("jobDefinition").asString());
                if (definition == null
                        || deregistered.contains(in.path("jobDefinition").asString())) {
                    throw new Failure(
                            "ClientException",
                            "job definition " + in.path("jobDefinition").asString() + " is not active");
                }
                String queue = in.path("jobQueue").asString();
                if (!queue.startsWith(account + "job-queue/default")
                        && queues.values().stream()
                                .noneMatch(q -> q.get("jobQueueArn").asString().equals(queue))) {
                    throw new Failure("ClientException", "job queue " + queue + " does not exist");
                }
                Job job = new Job(java.util.UUID.randomUUID().toString(), in, definition);
                jobs.put(job.jobId, job);
                executor.execute(job::run);
                return Map.of("jobId", job.jobId, "jobName", job.name, "jobArn", account + "job/" + job.jobId);
            }
            case "describejobs" -> {
                List<JsonNode> found = new ArrayList<>();
                for (JsonNode wanted : in.path("jobs")) {
                    Job job = jobs.get(wanted.asString());
                    if (job != null) {
                        found.add(job.describe());
                    }
                }
                return Map.of("jobs", found);
            }
            case "terminatejob" -> {
                Job job = jobs.get(in.path("jobId").asString());
                if (job == null) {
                    throw new Failure(
                            "ClientException", "job " + in.path("jobId").asString() + " does not exist");
                }
                job.terminate(in.path("reason").asString());
                return Map.of();
            }
            default -> throw new Failure("ClientException", "operation " + operation + " is not supported by the fake");
        }
    }

    private ObjectNode queue(String nameOrArn) {
        return queues.values().stream()
                .filter(q -> q.get("jobQueueArn").asString().equals(nameOrArn)
                        || q.get("jobQueueName").asString().equals(nameOrArn))
                .findFirst()
                .orElseThrow(() -> new Failure("ClientException", "job queue " + nameOrArn + " does not exist"));
    }

    private Object logs(String operation, JsonNode in) {
        if (!operation.equals("GetLogEvents")) {
            throw new Failure("InvalidOperationException", operation + " is not supported by the fake");
        }
        if (!"/aws/batch/job".equals(in.path("logGroupName").asString())) {
            throw new Failure("ResourceNotFoundException", "The specified log group does not exist.");
        }
        LogStream stream = streams.get(in.path("logStreamName").asString());
        if (stream == null) {
            throw new Failure("ResourceNotFoundException", "The specified log stream does not exist.");
        }
        String token = in.path("nextToken").asString("");
        int from = token.startsWith("f/") ? Integer.parseInt(token.substring(2)) : 0;
        return stream.page(from, in.path("limit").asInt(10_000));
    }

    private void s3(HttpExchange exchange, String bucketAndKey, String query, byte[] body) throws IOException {
        if (!bucketAndKey.contains("/") || bucketAndKey.endsWith("/")) {
            String bucket = bucketAndKey.replace("/", "");
            if (exchange.getRequestMethod().equals("POST")) {
                S3Post.Upload upload =
                        S3Post.verify(exchange.getRequestHeaders().getFirst("Content-Type"), body, bucket, secretKeys);
                if (upload == null) {
                    byte[] out =
                            "<Error><Code>AccessDenied</Code><Message>Invalid according to Policy</Message></Error>"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(403, out.length);
                    exchange.getResponseBody().write(out);
                    return;
                }
                objects.put(bucket + "/" + upload.key(), upload.content());
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] out = S3Post.listing(bucket, query, keys(bucket), key -> objects.get(bucket + "/" + key).length)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                if (sha != null && sha.startsWith("STREAMING-")) {
                    body = unchunk(body);
                }
                objects.put(bucketAndKey, body);
                exchange.getResponseHeaders()
                        .add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                byte[] object = objects.get(bucketAndKey);
                if (object == null) {
                    byte[] out =
                            "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(404, out.length);
                    exchange.getResponseBody().write(out);
                    return;
                }
                exchange.sendResponseHeaders(200, object.length == 0 ? -1 : object.length);
                exchange.getResponseBody().write(object);
            }
            case "DELETE" -> {
                objects.remove(bucketAndKey);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
    }

    /** The payload of an {@code aws-chunked} body: {@code <hex size>;chunk-signature=…\r\n<data>\r\n}…, size 0 last. */
    private static byte[] unchunk(byte[] body) {
        var out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed aws-chunked body");
    }

    @Override
    public void close() {
        server.stop(0);
        jobs.values().forEach(Job::remove);
        executor.shutdownNow();
    }

    /** An AWS error reply: its type and message. */
    private static final class Failure extends RuntimeException {
        final String type;

        Failure(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    /** One log stream: events in arrival order. */
    private static final class LogStream {
        private final List<Long> times = new ArrayList<>();
        private final List<String> messages = new ArrayList<>();

        synchronized void add(long time, String message) {
            times.add(time);
            messages.add(message);
        }

        synchronized int size() {
            return messages.size();
        }

        synchronized Map<String, Object> page(int from, int limit) {
            List<Map<String, Object>> events = new ArrayList<>();
            int to = Math.min(messages.size(), from + Math.min(limit, 10_000));
            for (int i = from; i < to; i++) {
                events.add(
                        Map.of("timestamp", times.get(i), "message", messages.get(i), "ingestionTime", times.get(i)));
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("events", events);
            page.put("nextForwardToken", "f/" + to);
            page.put("nextBackwardToken", "b/" + from);
            return page;
        }
    }

    /** One submitted job, run as a Docker container. */
    private final class Job {
        final String jobId;
        final String name;
        final JsonNode submit;
        final ObjectNode definition;
        volatile String status = "SUBMITTED";
        volatile String statusReason;
        volatile Integer exitCode;
        volatile String containerReason;
        volatile String logStream;
        volatile String docker;
        volatile boolean terminated;
        final long createdAt = System.currentTimeMillis();

        Job(String jobId, JsonNode submit, ObjectNode definition) {
            this.jobId = jobId;
            this.name = submit.path("jobName").asString();
            this.submit = submit;
            this.definition = definition;
        }

        void run() {
            JsonNode container = definition.path("containerProperties");
            String image = container.path("image").asString();
            status = "RUNNABLE";
            sleep(50);
            if (terminated) {
                return;
            }
            status = "STARTING";
            if (TestDocker.run(List.of("image", "inspect", image), null, 30).code() != 0) {
                containerReason = "CannotPullContainerError: pull image manifest has been retried 1 time(s): " + image
                        + ": not found";
                statusReason = "Task failed to start";
                status = "FAILED";
                return;
            }
            List<String> args = new ArrayList<>(List.of(
                    "run",
                    "-d",
                    "--network",
                    "host",
                    "--label",
                    "flowbench.test/job=" + jobId,
                    "--label",
                    "flowbench.test/aws=" + id));
            Map<String, String> env = new LinkedHashMap<>();
            container
                    .path("environment")
                    .forEach(e ->
                            env.put(e.path("name").asString(), e.path("value").asString()));
            submit.path("containerOverrides")
                    .path("environment")
                    .forEach(e ->
                            env.put(e.path("name").asString(), e.path("value").asString()));
            env.forEach((k, v) -> {
                args.add("-e");
                args.add(k + "=" + v);
            });
            for (JsonNode requirement : container.path("resourceRequirements")) {
                if ("MEMORY".equals(requirement.path("type").asString())) {
                    args.add("--memory");
                    args.add(requirement.path("value").asString() + "m");
                } else if ("VCPU".equals(requirement.path("type").asString())) {
                    args.add("--cpus");
                    args.add(requirement.path("value").asString());
                }
            }
            List<String> command = new ArrayList<>();
            container.path("command").forEach(c -> command.add(c.asString()));
            if (!command.isEmpty()) {
                args.add("--entrypoint");
                args.add(command.getFirst());
            }
            args.add(image);
            if (!command.isEmpty()) {
                args.addAll(command.subList(1, command.size()));
            }
            synchronized (this) {
                if (terminated) {
                    return;
                }
                docker = TestDocker.check(args);
            }
            String streamName = definition.path("jobDefinitionName").asString() + "/default/" + jobId;
            LogStream stream = new LogStream();
            streams.put(streamName, stream);
            logStream = streamName;
            status = "RUNNING";
            Thread follower = Thread.ofVirtual().start(() -> follow(docker, stream));
            String code =
                    TestDocker.run(List.of("wait", docker), null, 3600).out().strip();
            try {
                follower.join(120_000); // every line is in the stream before the job ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catchUp(docker, stream);
            exitCode = code.isEmpty() ? 137 : Integer.parseInt(code);
            if (!terminated) {
                statusReason = exitCode == 0 ? null : "Essential container in task exited";
                status = exitCode == 0 ? "SUCCEEDED" : "FAILED";
            } else {
                status = "FAILED";
            }
            TestDocker.run(List.of("rm", "-f", docker), null, 60);
        }

        /**
         * {@code docker logs -f} may stop before the last lines of a container that just exited (more so on a
         * busy machine); a final full read adds whatever the follower missed, as CloudWatch would have it.
         */
        private void catchUp(String container, LogStream stream) {
            var all = TestDocker.run(List.of("logs", "--timestamps", container), null, 120);
            List<String> lines = all.out().lines().toList();
            for (int i = stream.size(); i < lines.size(); i++) {
                String line = lines.get(i);
                int space = line.indexOf(' ');
                try {
                    stream.add(Instant.parse(line.substring(0, space)).toEpochMilli(), line.substring(space + 1));
                } catch (RuntimeException e) {
                    stream.add(System.currentTimeMillis(), line);
                }
            }
        }

        private void follow(String container, LogStream stream) {
            try {
                Process process = new ProcessBuilder("docker", "logs", "-f", "--timestamps", container)
                        .redirectErrorStream(true)
                        .start();
                try (var reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        int space = line.indexOf(' ');
                        long time;
                        try {
                            time = Instant.parse(line.substring(0, space)).toEpochMilli();
                        } catch (RuntimeException e) {
                            stream.add(System.currentTimeMillis(), line);
                            continue;
                        }
                        stream.add(time, line.substring(space + 1));
                    }
                }
                process.waitFor();
            } catch (IOException e) {
                stream.add(System.currentTimeMillis(), "fake Batch: cannot read logs: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void terminate(String reason) {
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return;
            }
            terminated = true;
            statusReason = reason;
            if (docker != null) {
                TestDocker.run(List.of("kill", docker), null, 30);
            } else {
                status = "FAILED";
            }
        }

        void remove() {
            if (docker != null) {
                TestDocker.run(List.of("rm", "-f", docker), null, 60);
            }
        }

        JsonNode describe() {
            ObjectNode job = JSON.createObjectNode();
            job.put("jobId", jobId).put("jobName", name).put("status", status).put("createdAt", createdAt);
            job.put("jobQueue", submit.path("jobQueue").asString());
            job.put("jobDefinition", definition.path("jobDefinitionArn").asString());
            if (statusReason != null) {
                job.put("statusReason", statusReason);
            }
            ObjectNode c = job.putObject("container");
            c.put("image", definition.path("containerProperties").path("image").asString());
            if (exitCode != null && (status.equals("SUCCEEDED") || status.equals("FAILED"))) {
                c.put("exitCode", exitCode);
            }
            if (containerReason != null) {
                c.put("reason", containerReason);
            }
            if (logStream != null) {
                c.put("logStreamName", logStream);
            }
            return job;
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

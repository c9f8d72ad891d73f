package dev.flowbench.runner.batch;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.batch.model.ContainerOverrides;
import software.amazon.awssdk.services.batch.model.ContainerProperties;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.JobTimeout;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.RegisterJobDefinitionRequest;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;

/**
 * Builds what a run sends to Batch: the job definition and the submit request, deterministic for a request so
 * that a plan shows what a run registers. The job's command is a small POSIX shell wrapper that downloads the
 * input files (presigned S3 URLs passed as environment variables, fetched with {@code curl} or {@code wget}),
 * runs the task's command in {@code /flowbench/work} with every standard error line prefixed by the
 * ASCII record separator (CloudWatch keeps one stream per container, not two), uploads the output files to the
 * bucket with an S3 POST policy (see {@link OutputUpload}) and ends with a marker line.
 */
final class JobSpecs {

    static final String WORK = "/flowbench/work";
    static final String OUT = "/flowbench/out";
    /** Prefix of standard error lines in the job's log. */
    static final char STDERR_MARK = '\u001e';

    private static final Pattern MEMORY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)");

    private JobSpecs() {}

    /**
     * What one run sends.
     *
     * @param name the job and job definition name
     * @param definition the job definition to register
     * @param inputKeys S3 key of each input file, by the environment variable carrying its presigned URL
     * @param inputNames relative name of each input file, by the same variable
     * @param outputPrefix the S3 key prefix output files are uploaded under, or null without a bucket
     * @param endMarker the job's last log line, proving its log arrived whole
     */
    record Specs(
            String name,
            RegisterJobDefinitionRequest definition,
            Map<String, String> inputKeys,
            Map<String, String> inputNames,
            String outputPrefix,
            String endMarker) {

        /** The submit request for the registered definition, with the file transfer variables. */
        SubmitJobRequest submit(String definitionArn, String queue, Map<String, String> variables) {
            List<KeyValuePair> env = new ArrayList<>();
            new TreeMap<>(variables)
                    .forEach((k, v) ->
                            env.add(KeyValuePair.builder().name(k).value(v).build()));
            return SubmitJobRequest.builder()
                    .jobName(name)
                    .jobQueue(queue)
                    .jobDefinition(definitionArn)
                    .containerOverrides(
                            ContainerOverrides.builder().environment(env).build())
                    .tags(definition.tags())
                    .build();
        }
    }

    /** The specs of {@code request}; throws a {@link RunnerException} with one line on bad input. */
    static Specs build(BatchRunner runner, RunRequest request) {
        String image = request.containerImage();
        if (image == null || image.isBlank()) {
            throw new RunnerException("the Batch runner needs containerImage on the task");
        }
        List<String> inputs = new ArrayList<>(new TreeSet<>(request.inputFiles().keySet()));
        for (String input : inputs) {
            OutputFiles.resolveInside(Path.of(WORK), input, "input file");
        }
        boolean bucket = runner.bucket() != null && !runner.bucket().isBlank();
        if (!inputs.isEmpty() && !bucket) {
            throw new RunnerException("input files travel through S3: set `bucket` on the Batch runner");
        }
        if (!request.outputFiles().isEmpty() && !bucket) {
            throw new RunnerException("output files travel through S3: set `bucket` on the Batch runner");
        }
        var id = request.identity();
        String hash = sha256(id.executionId() + "/" + id.taskRunId() + "/" + id.attempt())
                .substring(0, 12);
        String task = id.taskId().replaceAll("[^A-Za-z0-9_-]+", "-");
        if (task.length() > 60) {
            task = task.substring(0, 60);
        }
        String name = "flowbench-" + task + "-" + hash;
        String prefix = "flowbench/" + hash + "/";
        Map<String, String> inputKeys = new LinkedHashMap<>();
        Map<String, String> inputNames = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            inputKeys.put("FLOWBENCH_INPUT_" + i, prefix + "inputs/" + inputs.get(i));
            inputNames.put("FLOWBENCH_INPUT_" + i, inputs.get(i));
        }
        String endMarker = "::flowbench-end-" + hash + "::";
        String outputPrefix = bucket ? prefix + "outputs/" : null;

        List<String> command = new ArrayList<>(
                List.of("/bin/sh", "-c", wrapper(inputNames, request.outputFiles(), endMarker), "flowbench"));
        command.addAll(request.command().argv());
        List<KeyValuePair> env = new ArrayList<>();
        new TreeMap<>(request.env())
                .forEach((k, v) ->
                        env.add(KeyValuePair.builder().name(k).value(v).build()));
        var container = ContainerProperties.builder()
                .image(image)
                .command(command)
                .environment(env)
                .resourceRequirements(resources(runner));
        if (runner.executionRoleArn() != null && !runner.executionRoleArn().isBlank()) {
            container.executionRoleArn(runner.executionRoleArn());
        }
        if (runner.taskRoleArn() != null && !runner.taskRoleArn().isBlank()) {
            container.jobRoleArn(runner.taskRoleArn());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        id.labels().forEach((k, v) -> tags.put(k, v.length() > 256 ? v.substring(0, 256) : v));
        var definition = RegisterJobDefinitionRequest.builder()
                .jobDefinitionName(name)
                .type(JobDefinitionType.CONTAINER)
                .containerProperties(container.build())
                .tags(tags);
        long seconds = runner.completionLimit(request).toSeconds();
        if (seconds >= 60) {
            // Batch's own limit as a backstop (it accepts 60 s and more): the job ends even if Flowbench is gone.
            definition.timeout(JobTimeout.builder()
                    .attemptDurationSeconds((int) Math.min(seconds + 60, Integer.MAX_VALUE))
                    .build());
        }
        return new Specs(name, definition.build(), inputKeys, inputNames, outputPrefix, endMarker);
    }

    /** The temporary queue's name for {@code specs}. */
    static String queueName(Specs specs) {
        return specs.name().length() > 128 ? specs.name().substring(0, 128) : specs.name();
    }

    private static List<ResourceRequirement> resources(BatchRunner runner) {
        String cpu = "1";
        String memory = "2048";
        if (runner.resources() != null && runner.resources().request() != null) {
            var request = runner.resources().request();
            if (request.cpu() != null && !request.cpu().isBlank()) {
                cpu = request.cpu().strip();
                if (!cpu.matches("[0-9]+(\\.[0-9]+)?")) {
                    throw new RunnerException("resources.request.cpu '" + request.cpu()
                            + "' is not a number of vCPUs such as `1` or `0.25`");
                }
            }
            if (request.memory() != null && !request.memory().isBlank()) {
                memory = Long.toString(mebibytes(request.memory()));
            }
        }
        return List.of(
                ResourceRequirement.builder().type(ResourceType.VCPU).value(cpu).build(),
                ResourceRequirement.builder()
                        .type(ResourceType.MEMORY)
                        .value(memory)
                        .build());
    }

    /** A memory size in MiB: a bare number is MiB already; {@code 2Gi}, {@code 2g}, {@code 512Mi}… are converted. */
    static long mebibytes(String value) {
        Matcher m = MEMORY.matcher(value.strip());
        if (!m.matches()) {
            throw new RunnerException(
                    "resources.request.memory '" + value + "' is not a size such as `2048` (MiB) or `2Gi`");
        }
        double number = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "m", "mi", "mb", "mib" -> 1;
            case "g", "gi", "gb", "gib" -> 1024;
            case "t", "ti", "tb", "tib" -> 1024 * 1024;
            case "k", "ki", "kb", "kib" -> 1.0 / 1024;
            default ->
                throw new RunnerException(
                        "resources.request.memory '" + value + "' has an unknown unit '" + m.group(2) + "'");
        };
        return Math.max(1, (long) Math.ceil(number * factor));
    }

    private static String wrapper(Map<String, String> inputs, List<String> globs, String endMarker) {
        StringBuilder s = new StringBuilder();
        s.append("mkdir -p " + WORK + " " + OUT + " && cd " + WORK + " || exit 1\n");
        if (!inputs.isEmpty()) {
            s.append("fetch() { mkdir -p \"$(dirname \"$1\")\" && if command -v curl >/dev/null 2>&1;"
                    + " then curl -fsS -o \"$1\" \"$2\"; else wget -q -O \"$1\" \"$2\"; fi"
                    + " || { echo \"cannot download input file $1\" >&2; exit 1; }; }\n");
            inputs.forEach((variable, name) -> s.append("fetch ")
                    .append(quote(name))
                    .append(" \"$")
                    .append(variable)
                    .append("\"\n"));
        }
        s.append("e=/tmp/flowbench-stderr.$$; mkfifo \"$e\" || exit 1\n");
        s.append("(while IFS= read -r l || [ -n \"$l\" ]; do printf '\\036%s\\n' \"$l\"; done < \"$e\") & r=$!\n");
        s.append("\"$@\" 2>\"$e\"\n");
        s.append("c=$?\n");
        // Background children still holding standard error must not keep the job alive for ever.
        s.append("(sleep 2; kill $r 2>/dev/null) & k=$!; wait $r 2>/dev/null; kill $k 2>/dev/null\n");
        s.append("if [ -n \"$FLOWBENCH_S3_URL\" ]; then\n");
        s.append(OutputUpload.shellFunction());
        StringBuilder find = new StringBuilder("cd /flowbench && find work out -type f \\( -path 'out/*'");
        for (String glob : globs) {
            for (String pattern : findPatterns(glob)) {
                find.append(" -o -path ").append(quote("work/" + pattern));
            }
        }
        find.append(" \\) 2>/dev/null > /tmp/flowbench-outputs\n");
        s.append(find);
        s.append("while IFS= read -r f; do upload \"$f\" \"$FLOWBENCH_S3_PREFIX$f\""
                + " || printf '\\036cannot upload output file %s\\n' \"$f\"; done < /tmp/flowbench-outputs\n");
        s.append("fi\n");
        s.append("echo ").append(quote(endMarker)).append('\n');
        s.append("exit $c\n");
        return s.toString();
    }

    /** {@code find -path} patterns covering a glob ({@code **} becomes {@code *}, braces expanded). */
    static List<String> findPatterns(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        int open = g.indexOf('{');
        int close = open < 0 ? -1 : g.indexOf('}', open);
        if (open >= 0 && close > open) {
            List<String> expanded = new ArrayList<>();
            for (String alternative : g.substring(open + 1, close).split(",", -1)) {
                expanded.addAll(findPatterns(g.substring(0, open) + alternative + g.substring(close + 1)));
            }
            return expanded;
        }
        return List.of(g.replace("**", "*"));
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

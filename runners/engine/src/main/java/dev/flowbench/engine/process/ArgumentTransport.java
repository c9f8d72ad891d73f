package dev.flowbench.engine.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Passes the script and environment to the process intact when the JVM cannot: under a non-UTF-8 locale
 * (e.g. {@code LANG} unset) Java encodes arguments and environment values in ASCII, so {@code é} would
 * arrive as {@code ?}. Then the script and the affected variables travel through files, read back by a tiny
 * {@code /bin/sh} wrapper that hands the script to the interpreter unchanged.
 */
final class ArgumentTransport {

    private static final String WRAPPER = ". \"$1\" && s=$(cat \"$2\"; printf x) && shift 2 && exec \"$@\" \"${s%x}\"";

    private final List<String> argv;
    private final Map<String, String> env;
    private final Path directory;

    private ArgumentTransport(List<String> argv, Map<String, String> env, Path directory) {
        this.argv = argv;
        this.env = env;
        this.directory = directory;
    }

    /** A transport for {@code argv} and {@code env}: direct when the platform encoding can carry them. */
    static ArgumentTransport of(List<String> argv, Map<String, String> env, boolean forceFiles) {
        CharsetEncoder encoder = platformEncoding().newEncoder();
        boolean direct = !forceFiles
                && argv.stream().allMatch(encoder::canEncode)
                && env.entrySet().stream()
                        .allMatch(e -> encoder.canEncode(e.getKey()) && encoder.canEncode(e.getValue()));
        if (direct || !Signals.supported()) {
            return new ArgumentTransport(argv, env, null);
        }
        try {
            Path directory = Files.createTempDirectory("flowbench-command-");
            Map<String, String> plainEnv = new LinkedHashMap<>();
            StringBuilder exports = new StringBuilder();
            env.forEach((name, value) -> {
                if (!forceFiles && encoder.canEncode(name) && encoder.canEncode(value)) {
                    plainEnv.put(name, value);
                } else {
                    exports.append("export ")
                            .append(name)
                            .append("='")
                            .append(value.replace("'", "'\\''"))
                            .append("'\n");
                }
            });
            Path envFile = Files.writeString(directory.resolve("env.sh"), exports, StandardCharsets.UTF_8);
            Path scriptFile = Files.writeString(directory.resolve("script"), argv.getLast(), StandardCharsets.UTF_8);
            List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "flowbench"));
            wrapped.add(envFile.toString());
            wrapped.add(scriptFile.toString());
            wrapped.addAll(argv.subList(0, argv.size() - 1));
            return new ArgumentTransport(List.copyOf(wrapped), plainEnv, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument vector to start. */
    List<String> argv() {
        return argv;
    }

    /** The environment variables to set directly. */
    Map<String, String> env() {
        return env;
    }

    /** Removes the transport files, if any; never throws. */
    void cleanUp() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover file in the temp directory is harmless
        }
    }

    private static Charset platformEncoding() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.US_ASCII;
        }
    }
}

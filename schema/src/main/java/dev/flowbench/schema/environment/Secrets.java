package dev.flowbench.schema.environment;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.diagnostic.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The secrets an environment can supply to {@code {{ secret('NAME') }}}: {@code KEY=value} lines of its secrets
 * file, then {@code SECRET_<NAME>} environment variables holding base64 values (Kestra's open-source
 * convention), which win over the file.
 *
 * <p>Completion and validation use {@link #names()}; only the engine asks for {@link #value(String)}. A value
 * never appears in {@link #toString()}, a warning or an exception message. Immutable.
 */
public final class Secrets {
    /** Warning: the secrets file is missing. */
    public static final String FILE_MISSING = "secrets-file-missing";
    /** Warning: the secrets file can be read by group or others. */
    public static final String PERMISSIONS = "secrets-permissions";
    /** Warning: a line of the secrets file is not {@code KEY=value}. */
    public static final String BAD_LINE = "secrets-bad-line";
    /** Warning: a {@code SECRET_<NAME>} variable is not base64. */
    public static final String BAD_BASE64 = "secrets-bad-base64";

    private static final String PREFIX = "SECRET_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Map<String, String> values;
    private final String file;
    private final List<Diagnostic> warnings;

    private Secrets(Map<String, String> values, String file, List<Diagnostic> warnings) {
        this.values = Collections.unmodifiableMap(values);
        this.file = file;
        this.warnings = List.copyOf(warnings);
    }

    /** No secrets at all. */
    public static Secrets none() {
        return new Secrets(new TreeMap<>(), null, List.of());
    }

    /**
     * Reads the secrets file {@code file} (relative to {@code workspace}; null for none) and the {@code SECRET_}
     * entries of {@code environmentVariables}. Problems become {@link #warnings()}; never throws.
     */
    public static Secrets load(Path workspace, String file, Map<String, String> environmentVariables) {
        Map<String, String> values = new TreeMap<>();
        List<Diagnostic> warnings = new ArrayList<>();
        if (file != null) {
            readFile(workspace.resolve(file), file, values, warnings);
        }
        for (Map.Entry<String, String> variable : new TreeMap<>(environmentVariables).entrySet()) {
            String key = variable.getKey();
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                try {
                    byte[] decoded =
                            Base64.getDecoder().decode(variable.getValue().strip());
                    values.put(key.substring(PREFIX.length()), new String(decoded, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notBase64) {
                    warnings.add(warning(
                            null,
                            BAD_BASE64,
                            "environment variable " + key + " is not base64, so secret "
                                    + key.substring(PREFIX.length()) + " is ignored"));
                }
            }
        }
        return new Secrets(values, file, warnings);
    }

    private static void readFile(Path path, String file, Map<String, String> values, List<Diagnostic> warnings) {
        if (!Files.isRegularFile(path)) {
            warnings.add(warning(
                    file,
                    FILE_MISSING,
                    file + " does not exist, so its secrets are unknown"
                            + (Files.isRegularFile(path.resolveSibling(path.getFileName() + ".example"))
                                    ? "; copy " + file + ".example and fill it in"
                                    : "")));
            return;
        }
        checkPermissions(path, file, warnings);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            warnings.add(warning(file, FILE_MISSING, file + " cannot be read as UTF-8, so its secrets are unknown"));
            return;
        }
        int number = 0;
        for (int start = 0; start < text.length(); number++) {
            int newline = text.indexOf('\n', start);
            int next = newline < 0 ? text.length() : newline + 1;
            int end = newline < 0 ? text.length() : newline;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            String line = text.substring(start, end);
            Range range = new Range(new Position(number, 0, start), new Position(number, end - start, end));
            start = next;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (content.startsWith("export ")) {
                content = content.substring("export ".length()).strip();
            }
            int equals = content.indexOf('=');
            String key = equals < 0 ? "" : content.substring(0, equals).strip();
            if (equals < 0 || !NAME.matcher(key).matches()) {
                // the message names the line only: the line may hold a value
                warnings.add(new Diagnostic(
                        range,
                        Severity.WARNING,
                        BAD_LINE,
                        "line " + (number + 1) + " of " + file + " is not KEY=value; it is ignored",
                        file,
                        Map.of()));
                continue;
            }
            values.put(key, unquote(content.substring(equals + 1).strip()));
        }
    }

    private static void checkPermissions(Path path, String file, List<Diagnostic> warnings) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.add(warning(file, PERMISSIONS, file + " can be read by other users: run chmod 600 " + file));
            }
        } catch (IOException | UnsupportedOperationException notPosix) {
            // Windows has no such permission bits; nothing to check
        }
    }

    /** {@code value} as a secrets file means it: one pair of matching outer quotes, single or double, removed. */
    public static String unquote(String value) {
        if (value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static Diagnostic warning(String source, String code, String message) {
        return new Diagnostic(Range.at(new Position(0, 0, 0)), Severity.WARNING, code, message, source, Map.of());
    }

    /** The secret names, sorted; never values. */
    public Set<String> names() {
        return values.keySet();
    }

    /** Whether {@code name} can be supplied. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of secret {@code name}, for the engine only; empty when unknown. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Problems found while reading (missing file, loose permissions, bad lines); each names no value. */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Secrets[" + values.size() + " names" + (file == null ? "" : " from " + file) + "]";
    }
}

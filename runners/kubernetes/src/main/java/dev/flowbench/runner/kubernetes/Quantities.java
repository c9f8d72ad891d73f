package dev.flowbench.runner.kubernetes;

import dev.flowbench.runner.RunnerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the CPU and memory values users write into Kubernetes quantities. Kubernetes notation passes as is;
 * Docker's memory spellings ({@code 512m}, {@code 1g}, {@code 512MB}) become binary quantities ({@code 512Mi}),
 * because in Kubernetes {@code 512m} would mean 0.512 bytes, which nobody asks for.
 */
final class Quantities {

    private static final Pattern CPU = Pattern.compile("[0-9]+(\\.[0-9]+)?m?");
    private static final Pattern MEMORY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z]*)");

    private Quantities() {}

    /** {@code value} as a CPU quantity ({@code 500m}, {@code 0.5}, {@code 2}); throws one clear line otherwise. */
    static String cpu(String property, String value) {
        String text = value.strip();
        if (!CPU.matcher(text).matches()) {
            throw new RunnerException(property + " '" + value + "' is not a CPU quantity; write cores such as `1` or"
                    + " `0.5`, or millicores such as `500m`");
        }
        return text;
    }

    /** {@code value} as a memory quantity ({@code 256Mi}); Docker spellings are converted; throws otherwise. */
    static String memory(String property, String value) {
        Matcher m = MEMORY.matcher(value.strip());
        if (!m.matches()) {
            throw new RunnerException(property + " '" + value + "' is not a size; " + Sizes.HINT);
        }
        String number = m.group(1);
        String unit = m.group(2);
        String kubernetes = switch (unit) {
            case "", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" -> unit;
            case "b", "B" -> "";
            case "m", "mb", "MB", "Mb", "mB", "MiB" -> "Mi";
            case "g", "gb", "GB", "Gb", "gB", "GiB" -> "Gi";
            case "t", "tb", "TB", "TiB" -> "Ti";
            case "K", "kb", "KB", "Kb", "kB", "KiB" -> "Ki";
            default -> null;
        };
        if (kubernetes == null) {
            throw new RunnerException(property + " '" + value + "' has an unknown unit '" + unit + "'; " + Sizes.HINT);
        }
        return number + kubernetes;
    }
}

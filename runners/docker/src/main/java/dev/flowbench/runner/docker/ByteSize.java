package dev.flowbench.runner.docker;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses memory sizes written the Docker way ({@code 512m}, {@code 1g}, {@code 512MB}) or the Kubernetes way
 * ({@code 512Mi}, {@code 1Gi}) into bytes.
 *
 * <p>Every unit is binary, as in the Docker CLI: {@code 1m}, {@code 1M}, {@code 1MB}, {@code 1Mi} and {@code 1MiB}
 * all mean 1,048,576 bytes. A number without a unit is a count of bytes. Fractions are allowed ({@code 1.5g}) and
 * rounded down to whole bytes.
 */
final class ByteSize {

    /** The syntax {@link #parse} accepts, as a JSON-schema pattern for string properties. */
    static final String PATTERN = "^[0-9]+(\\.[0-9]+)?\\s?([kKmMgGtTpP][iI]?[bB]?|[bB])?$";

    /** {@link #PATTERN} explained to a user. */
    static final String HINT = "a size such as 512Mi, 512m, 1g or 512MB (binary units, as in Docker)";

    private static final Pattern SYNTAX =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s?(?:([kmgtp])i?b?|(b))?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {}

    /**
     * Returns the number of bytes {@code text} denotes.
     *
     * @throws IllegalArgumentException with a one-line message naming {@code text} when it is not a size or does not
     *     fit in a {@code long}
     */
    static long parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher matcher = SYNTAX.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not " + HINT);
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2);
        int power = unit == null ? 0 : "kmgtp".indexOf(unit.toLowerCase(Locale.ROOT)) + 1;
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(1024).pow(power));
        try {
            return bytes.toBigInteger().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is too large for a size in bytes", e);
        }
    }

    /** Formats {@code bytes} in the largest binary unit that divides it exactly, e.g. {@code 64Mi}. */
    static String format(long bytes) {
        String[] units = {"", "Ki", "Mi", "Gi", "Ti", "Pi"};
        long value = bytes;
        int unit = 0;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}

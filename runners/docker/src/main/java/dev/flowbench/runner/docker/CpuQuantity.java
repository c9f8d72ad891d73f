package dev.flowbench.runner.docker;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a number of CPUs written the Docker way ({@code 1}, {@code 0.5}) or the Kubernetes way ({@code 500m},
 * thousandths of a CPU) into Docker's nano-CPUs (10<sup>-9</sup> CPU).
 */
final class CpuQuantity {

    private static final BigDecimal NANOS_PER_CPU = BigDecimal.valueOf(1_000_000_000L);
    private static final Pattern SYNTAX = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(m?)");

    private CpuQuantity() {}

    /**
     * Returns the nano-CPUs {@code text} denotes, at least 1.
     *
     * @throws IllegalArgumentException with a one-line message when {@code text} is not a positive CPU count
     */
    static long nanoCpus(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher matcher = SYNTAX.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a number of CPUs such as 1, 0.5 or 500m");
        }
        BigDecimal cpus = new BigDecimal(matcher.group(1));
        if (!matcher.group(2).isEmpty()) {
            cpus = cpus.movePointLeft(3);
        }
        return toNanos(cpus, trimmed);
    }

    /** Returns the nano-CPUs of {@code cpus} CPUs; see {@link #nanoCpus(String)}. */
    static long nanoCpus(double cpus) {
        if (Double.isNaN(cpus) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("'" + cpus + "' is not a number of CPUs such as 1, 0.5 or 500m");
        }
        return toNanos(BigDecimal.valueOf(cpus), BigDecimal.valueOf(cpus).toPlainString());
    }

    private static long toNanos(BigDecimal cpus, String text) {
        BigDecimal nanos = cpus.multiply(NANOS_PER_CPU);
        if (nanos.signum() <= 0 || nanos.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("'" + text + "' CPUs is not more than zero");
        }
        try {
            return nanos.toBigInteger().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' CPUs is too large", e);
        }
    }
}

package dev.flowbench.schema.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code {{ … }}} expressions in string values and the references they make: {@code inputs.X},
 * {@code outputs.X}, {@code vars.X} and {@code secret('X')}. A lexical scan, not a Pebble parse: it must work
 * on half-typed text.
 */
public final class Expressions {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)(}}|$)", Pattern.DOTALL);
    private static final Pattern ROOT_REFERENCE = Pattern.compile(
            "(?<![\\w.'\"])(inputs|outputs|vars)\\s*(?:\\.\\s*([A-Za-z_][\\w-]*)|\\[\\s*['\"]([^'\"]+)['\"]\\s*])");
    private static final Pattern SECRET = Pattern.compile("secret\\s*\\(\\s*['\"]([^'\"]*)['\"]");

    private Expressions() {}

    /** Whether {@code text} contains an expression opening. */
    public static boolean contains(String text) {
        return text != null && text.contains("{{");
    }

    /** The references in the expressions of {@code text}, in order; never null. */
    public static List<Reference> references(String text) {
        if (!contains(text)) {
            return List.of();
        }
        var found = new ArrayList<Reference>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            int base = expression.start(1);
            String body = expression.group(1);
            Matcher root = ROOT_REFERENCE.matcher(body);
            while (root.find()) {
                String name = root.group(2) != null ? root.group(2) : root.group(3);
                int nameStart = base + (root.group(2) != null ? root.start(2) : root.start(3));
                found.add(new Reference(
                        Reference.Kind.valueOf(root.group(1).toUpperCase(java.util.Locale.ROOT)),
                        name,
                        nameStart,
                        nameStart + name.length()));
            }
            Matcher secret = SECRET.matcher(body);
            while (secret.find()) {
                found.add(new Reference(
                        Reference.Kind.SECRET, secret.group(1), base + secret.start(1), base + secret.end(1)));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Reference::start));
        return List.copyOf(found);
    }

    /**
     * A reference inside an expression.
     *
     * @param start offset of the name in the string value (the text between quotes for secrets)
     * @param end offset just after the name
     */
    public record Reference(Kind kind, String name, int start, int end) {
        /** What is referred to. */
        public enum Kind {
            INPUTS,
            OUTPUTS,
            VARS,
            SECRET
        }
    }
}

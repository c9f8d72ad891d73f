package dev.flowbench.schema.yaml;

import java.math.BigInteger;

/**
 * Resolves scalars by the YAML 1.2 core schema: null, booleans, integers (decimal, {@code 0o} octal,
 * {@code 0x} hex) and floats (including {@code .inf} and {@code .nan}); everything else is a string.
 *
 * <p>Hand-written rather than regex-based because the editor resolves tens of thousands of scalars per
 * keystroke; most scalars are decided by their first character.
 */
final class CoreScalars {
    static final String TAG_PREFIX = "tag:yaml.org,2002:";

    private CoreScalars() {}

    /** The value of a plain (unquoted, untagged) scalar. */
    static Object plain(String text) {
        int length = text.length();
        if (length == 0) {
            return null;
        }
        char first = text.charAt(0);
        return switch (first) {
            case '~' -> length == 1 ? null : text;
            case 'n', 'N' -> isNull(text) ? null : text;
            case 't', 'T' -> isTrue(text) ? Boolean.TRUE : text;
            case 'f', 'F' -> isFalse(text) ? Boolean.FALSE : text;
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '+', '.' -> number(text);
            default -> text;
        };
    }

    /**
     * The value of a scalar with an explicit tag; {@code null} tag means none. Quoted and block scalars
     * without a tag are strings; unknown tags are ignored (the scalar resolves as if untagged).
     */
    static Object tagged(String tag, String text, boolean plain) {
        if (tag == null || !tag.startsWith(TAG_PREFIX)) {
            // "!" (non-specific) makes a plain scalar a string; custom tags do not change the value
            return plain && !"!".equals(tag) ? plain(text) : text;
        }
        return switch (tag.substring(TAG_PREFIX.length())) {
            case "null" -> null;
            case "bool" -> isTrue(text) ? Boolean.TRUE : isFalse(text) ? Boolean.FALSE : text;
            case "int" -> integer(text);
            case "float" -> {
                Object number = number(text);
                yield number instanceof Long l ? Double.valueOf(l) : number;
            }
            case "str", "binary", "timestamp" -> text;
            default -> plain ? plain(text) : text;
        };
    }

    static boolean isNull(String s) {
        return s.isEmpty() || s.equals("~") || s.equals("null") || s.equals("Null") || s.equals("NULL");
    }

    private static boolean isTrue(String s) {
        return s.equals("true") || s.equals("True") || s.equals("TRUE");
    }

    private static boolean isFalse(String s) {
        return s.equals("false") || s.equals("False") || s.equals("FALSE");
    }

    /** An integer or float if {@code s} is one by the core schema, else {@code s} itself. */
    private static Object number(String s) {
        Object integer = integer(s);
        if (integer != s) {
            return integer;
        }
        return isFloat(s) ? parseFloat(s) : s;
    }

    /** A Long (BigInteger when it does not fit) if {@code s} is a core-schema integer, else {@code s}. */
    private static Object integer(String s) {
        int length = s.length();
        if (length == 0) {
            return s;
        }
        if (length > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'o' || s.charAt(1) == 'x')) {
            int radix = s.charAt(1) == 'o' ? 8 : 16;
            for (int i = 2; i < length; i++) {
                if (Character.digit(s.charAt(i), radix) < 0) {
                    return s;
                }
            }
            return fit(new BigInteger(s.substring(2), radix));
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == length) {
            return s;
        }
        for (int i = start; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return s;
            }
        }
        if (length - start <= 18) {
            return Long.parseLong(s);
        }
        return fit(new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s));
    }

    private static Number fit(BigInteger value) {
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    /** {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}, {@code [-+]?\.inf} or {@code .nan}. */
    private static boolean isFloat(String s) {
        int i = 0;
        int length = s.length();
        if (length == 0) {
            return false;
        }
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        String rest = s.substring(i);
        if (rest.equals(".inf") || rest.equals(".Inf") || rest.equals(".INF")) {
            return true;
        }
        if (i == 0 && (s.equals(".nan") || s.equals(".NaN") || s.equals(".NAN"))) {
            return true;
        }
        int digits = 0;
        while (i < length && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < length && s.charAt(i) == '.') {
            i++;
            int fraction = 0;
            while (i < length && isDigit(s.charAt(i))) {
                i++;
                fraction++;
            }
            if (digits == 0 && fraction == 0) {
                return false;
            }
        } else if (digits == 0) {
            return false;
        }
        if (i < length && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < length && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < length && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == length;
    }

    private static Object parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

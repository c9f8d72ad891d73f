package dev.flowbench.engine.history;

import java.util.Collection;
import java.util.Map;

/**
 * Writes the small JSON values the history stores for every task run (outputs made of maps, lists, strings,
 * whole numbers, booleans and nulls) directly, leaving anything else to Jackson: a run records two per task,
 * and this keeps them cheap before the JIT has compiled anything.
 */
final class JsonText {

    private JsonText() {}

    /** {@code value} as JSON text, or null when it holds something this writer leaves to Jackson. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        return append(value, out) ? out.toString() : null;
    }

    private static boolean append(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String text -> string(text, out);
            case Boolean bool -> out.append(bool.booleanValue());
            case Integer number -> out.append(number.intValue());
            case Long number -> out.append(number.longValue());
            case Short number -> out.append(number.shortValue());
            case Byte number -> out.append(number.byteValue());
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    if (!append(entry.getValue(), out)) {
                        return false;
                    }
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    if (!append(item, out)) {
                        return false;
                    }
                }
                out.append(']');
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

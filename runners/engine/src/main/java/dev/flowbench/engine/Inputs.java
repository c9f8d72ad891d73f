package dev.flowbench.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks and converts the values given for a flow's declared {@code inputs} (Kestra's types). */
final class Inputs {

    private Inputs() {}

    /** One declared input. */
    record Declared(String id, String type, boolean required, Object defaults, List<String> values) {}

    /** The flow's declared inputs, in order. */
    static List<Declared> declared(Map<String, Object> flow) {
        List<Declared> result = new ArrayList<>();
        if (flow.get("inputs") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("id") != null) {
                    Object type = map.get("type");
                    List<String> values = map.get("values") instanceof List<?> v
                            ? v.stream().map(String::valueOf).toList()
                            : List.of();
                    result.add(new Declared(
                            map.get("id").toString(),
                            type == null ? "STRING" : type.toString().toUpperCase(Locale.ROOT),
                            !Boolean.FALSE.equals(map.get("required")),
                            map.get("defaults"),
                            values));
                }
            }
        }
        return result;
    }

    /** One line listing the inputs and their types, e.g. {@code name (STRING, required), n (INT, default 3)}. */
    static String describe(List<Declared> inputs) {
        if (inputs.isEmpty()) {
            return "the flow declares no inputs";
        }
        List<String> parts = new ArrayList<>();
        for (Declared input : inputs) {
            String detail = input.defaults() != null
                    ? "default " + input.defaults()
                    : input.required() ? "required" : "optional";
            String values = input.values().isEmpty() ? "" : " one of " + String.join("|", input.values());
            parts.add(input.id() + " (" + input.type() + values + ", " + detail + ")");
        }
        return "inputs: " + String.join(", ", parts);
    }

    /** The typed inputs; throws {@link FlowException} naming the input and the expected type. */
    static Map<String, Object> resolve(List<Declared> declared, Map<String, Object> given) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (declared.stream().noneMatch(d -> d.id().equals(name))) {
                throw new FlowException("unknown input '" + name + "'; " + describe(declared));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Declared input : declared) {
            Object value = given.containsKey(input.id()) ? given.get(input.id()) : input.defaults();
            if (value == null) {
                if (input.required()) {
                    missing.add(input.id());
                }
                typed.put(input.id(), null);
                continue;
            }
            try {
                typed.put(input.id(), Json.printable(convert(input, value)));
            } catch (RuntimeException e) {
                String detail = e instanceof Invalid && e.getMessage() != null ? " (" + e.getMessage() + ")" : "";
                throw new FlowException(
                        "input '" + input.id() + "' must be " + expected(input) + ", not '" + value + "'" + detail);
            }
        }
        if (!missing.isEmpty()) {
            throw new FlowException("missing required input" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; " + describe(declared));
        }
        return typed;
    }

    /** The ids of inputs of type SECRET, whose values must be masked. */
    static List<String> secretIds(List<Declared> declared) {
        return declared.stream()
                .filter(d -> d.type().equals("SECRET"))
                .map(Declared::id)
                .toList();
    }

    /**
     * {@code value} converted to {@code type} (a flow output's type); throws {@link FlowException} naming
     * {@code id} when it does not fit.
     */
    static Object typed(String id, String type, Object value) {
        if (value == null) {
            return null;
        }
        Declared declared =
                new Declared(id, type == null ? "STRING" : type.toUpperCase(Locale.ROOT), false, null, List.of());
        try {
            return Json.printable(convert(declared, value));
        } catch (RuntimeException e) {
            throw new FlowException("'" + id + "' must be " + expected(declared) + ", not '" + value + "'");
        }
    }

    private static String expected(Declared input) {
        return switch (input.type()) {
            case "INT" -> "an integer (INT)";
            case "FLOAT" -> "a number (FLOAT)";
            case "BOOLEAN" -> "true or false (BOOLEAN)";
            case "SELECT" -> "one of " + String.join(", ", input.values()) + " (SELECT)";
            case "MULTISELECT" -> "a list of " + String.join(", ", input.values()) + " (MULTISELECT)";
            case "DATETIME" -> "an ISO-8601 date-time such as 2025-01-31T10:00:00Z (DATETIME)";
            case "DATE" -> "an ISO-8601 date such as 2025-01-31 (DATE)";
            case "TIME" -> "an ISO-8601 time such as 10:00:00 (TIME)";
            case "DURATION" -> "an ISO-8601 duration such as PT5M (DURATION)";
            case "JSON" -> "JSON (JSON)";
            case "ARRAY" -> "a JSON array (ARRAY)";
            case "URI" -> "a URI (URI)";
            case "EMAIL" -> "an email address (EMAIL)";
            default -> "a " + input.type();
        };
    }

    private static Object convert(Declared input, Object value) {
        String text = value.toString().strip();
        return switch (input.type()) {
            case "INT" ->
                value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? n.longValue() <= Integer.MAX_VALUE && n.longValue() >= Integer.MIN_VALUE
                                ? (Object) n.intValue()
                                : n.longValue()
                        : parseInteger(text);
            case "FLOAT" -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            case "BOOLEAN" ->
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new Invalid(null);
                };
            case "SELECT" -> {
                if (!input.values().isEmpty() && !input.values().contains(text)) {
                    throw new Invalid(null);
                }
                yield text;
            }
            case "MULTISELECT", "ARRAY" -> {
                List<?> list = value instanceof List<?> l ? l : asList(text);
                if (input.type().equals("MULTISELECT") && !input.values().isEmpty()) {
                    for (Object item : list) {
                        if (!input.values().contains(String.valueOf(item))) {
                            throw new Invalid(item + " is not allowed");
                        }
                    }
                }
                yield list;
            }
            case "DATETIME" -> value instanceof ZonedDateTime ? value : parseDateTime(text);
            case "DATE" -> LocalDate.parse(text);
            case "TIME" -> LocalTime.parse(text);
            case "DURATION" -> Duration.parse(text);
            case "JSON" -> value instanceof Map<?, ?> || value instanceof List<?> ? value : Json.parse(text);
            case "URI" -> {
                URI uri = URI.create(text);
                if (uri.getScheme() == null) {
                    throw new Invalid("it has no scheme");
                }
                yield text;
            }
            case "EMAIL" -> {
                if (!text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new Invalid(null);
                }
                yield text;
            }
            default -> value instanceof String ? value : value.toString();
        };
    }

    private static Object parseInteger(String text) {
        long parsed = Long.parseLong(text);
        return parsed <= Integer.MAX_VALUE && parsed >= Integer.MIN_VALUE ? (Object) (int) parsed : parsed;
    }

    private static List<?> asList(String text) {
        if (text.startsWith("[")) {
            return (List<?>) Json.parse(text);
        }
        return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }

    private static ZonedDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toZonedDateTime();
        } catch (RuntimeException e) {
            return Instant.parse(text).atZone(java.time.ZoneOffset.UTC);
        }
    }

    /** A value that does not fit its input type; the message, when any, says why. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }
}

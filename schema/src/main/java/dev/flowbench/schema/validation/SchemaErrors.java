package dev.flowbench.schema.validation;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.json.SchemaNavigator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns networknt's errors for one instance into {@link Finding}s a person understands: the exact property,
 * the exact problem, and quick-fix data. Errors on {@code {{ }}} expressions where the schema accepts them are
 * dropped (their value is only known at run time).
 */
final class SchemaErrors {
    private SchemaErrors() {}

    /**
     * Findings for {@code errors} raised validating {@code instance} (at {@code base} in the document) against
     * {@code schema}, whose title names the thing ("Docker task runner").
     */
    static List<Finding> translate(List<Error> errors, JsonNode schema, JsonNode instance, List<String> base) {
        var findings = new ArrayList<Finding>();
        var missing = new LinkedHashMap<List<String>, List<String>>();
        String owner = schema.path("title").asString("this object");
        for (Error error : errors) {
            List<String> at = segments(error.getInstanceLocation());
            JsonNode value = valueAt(instance, at);
            JsonNode propertySchema = SchemaNavigator.at(schema, at);
            if (isExpression(value) && (SchemaNavigator.isDynamic(propertySchema) || propertySchema == null)) {
                continue;
            }
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            switch (keyword) {
                case "required" ->
                    missing.computeIfAbsent(at, k -> new ArrayList<>()).add(error.getProperty());
                case "additionalProperties" ->
                    findings.add(unknownProperty(schema, base, at, error.getProperty(), owner));
                case "enum" -> findings.add(badEnum(base, at, value, propertySchema));
                case "type" -> findings.add(wrongType(base, at, value, propertySchema));
                case "pattern" -> findings.add(badFormat(base, at, value, propertySchema));
                case "const" ->
                    findings.add(finding(
                            base,
                            at,
                            Finding.Target.VALUE,
                            "invalid-value",
                            "`" + text(value) + "` is not allowed here; expected `" + text(propertySchema.path("const"))
                                    + "`",
                            Map.of()));
                default ->
                    findings.add(finding(
                            base,
                            at,
                            Finding.Target.VALUE,
                            "invalid-value",
                            name(at) + ": " + error.getMessage().replaceFirst("^\\$[^:]*: ", ""),
                            Map.of()));
            }
        }
        missing.forEach((at, names) -> findings.add(missingProperties(base, at, names, schema)));
        return findings;
    }

    private static Finding unknownProperty(
            JsonNode schema, List<String> base, List<String> at, String property, String owner) {
        JsonNode objectSchema = SchemaNavigator.at(schema, at);
        var known = new ArrayList<String>();
        if (objectSchema != null) {
            objectSchema.path("properties").propertyNames().forEach(known::add);
        }
        String suggestion = Suggestions.closest(property, known);
        String where = at.isEmpty() ? owner : "`" + name(at) + "`";
        String message = "unknown property `" + property + "` of " + where
                + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?");
        var data = new LinkedHashMap<String, Object>();
        if (suggestion != null) {
            data.put(DiagnosticData.SUGGESTION, suggestion);
        }
        var path = new ArrayList<>(at);
        path.add(property);
        return finding(base, path, Finding.Target.KEY, "unknown-property", message, data);
    }

    private static Finding badEnum(List<String> base, List<String> at, JsonNode value, JsonNode propertySchema) {
        var allowed = new ArrayList<String>();
        if (propertySchema != null) {
            propertySchema.path("enum").forEach(v -> allowed.add(v.asString()));
        }
        String suggestion = Suggestions.closest(text(value), allowed);
        String message = "`" + text(value) + "` is not a valid " + name(at) + "; expected one of "
                + String.join(", ", allowed) + (suggestion == null ? "" : " (did you mean " + suggestion + "?)");
        var data = new LinkedHashMap<String, Object>();
        data.put(DiagnosticData.ALLOWED_VALUES, allowed);
        if (suggestion != null) {
            data.put(DiagnosticData.SUGGESTION, suggestion);
        }
        return finding(base, at, Finding.Target.VALUE, "invalid-enum", message, data);
    }

    private static Finding wrongType(List<String> base, List<String> at, JsonNode value, JsonNode propertySchema) {
        String expected = propertySchema == null
                ? "another type"
                : article(typeName(propertySchema.path("type").asString("")));
        String message = "`" + name(at) + "` should be " + expected + ", not " + article(kindOf(value));
        if (propertySchema != null && SchemaNavigator.isDynamic(propertySchema)) {
            message += " (or a `{{ }}` expression)";
        }
        return finding(base, at, Finding.Target.VALUE, "wrong-type", message, Map.of());
    }

    private static Finding badFormat(List<String> base, List<String> at, JsonNode value, JsonNode propertySchema) {
        String hint = propertySchema == null
                ? ""
                : propertySchema.path(SchemaKeywords.PATTERN_HINT).asString("");
        String expected = hint.isEmpty()
                ? "a value matching " + propertySchema.path("pattern").asString()
                : hint;
        return finding(
                base,
                at,
                Finding.Target.VALUE,
                "invalid-format",
                "`" + text(value) + "` is not a valid " + name(at) + "; expected " + expected,
                Map.of());
    }

    private static Finding missingProperties(List<String> base, List<String> at, List<String> names, JsonNode schema) {
        JsonNode objectSchema = SchemaNavigator.at(schema, at);
        String of = at.isEmpty() ? schema.path("title").asString("this object") : "`" + name(at) + "`";
        if (objectSchema != null && !at.isEmpty() && objectSchema.has("title")) {
            of = objectSchema.get("title").asString();
        }
        String list = names.stream()
                .map(n -> "`" + n + "`")
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        String message = (names.size() == 1 ? "missing required property " : "missing required properties ") + list
                + " of " + of;
        return finding(
                base,
                at,
                Finding.Target.OWNER,
                "missing-property",
                message,
                Map.of(DiagnosticData.MISSING, List.copyOf(names)));
    }

    private static Finding finding(
            List<String> base,
            List<String> at,
            Finding.Target target,
            String code,
            String message,
            Map<String, Object> data) {
        var path = new ArrayList<>(base);
        path.addAll(at);
        return new Finding(path, target, Severity.ERROR, code, message, data);
    }

    static List<String> segments(NodePath path) {
        var segments = new ArrayList<String>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(String.valueOf(path.getElement(i)));
        }
        return segments;
    }

    static JsonNode valueAt(JsonNode instance, List<String> path) {
        JsonNode current = instance;
        for (String segment : path) {
            if (current == null) {
                return null;
            }
            current = current.isArray() ? current.get(Integer.parseInt(segment)) : current.get(segment);
        }
        return current;
    }

    static boolean isExpression(JsonNode value) {
        return value != null && value.isString() && value.asString().contains("{{");
    }

    private static String name(List<String> at) {
        for (int i = at.size() - 1; i >= 0; i--) {
            if (!at.get(i).chars().allMatch(Character::isDigit)) {
                return at.get(i);
            }
        }
        return "value";
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "whole number";
            case "number" -> "number";
            case "boolean" -> "boolean (true or false)";
            case "array" -> "list";
            case "object" -> "mapping";
            case "string" -> "string";
            default -> jsonType.isEmpty() ? "value" : jsonType;
        };
    }

    private static String kindOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty value";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "whole number";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "list" : "mapping";
    }

    private static String article(String noun) {
        if (noun.startsWith("empty")) {
            return "an " + noun;
        }
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }
}

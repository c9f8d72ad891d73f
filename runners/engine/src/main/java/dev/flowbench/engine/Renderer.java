package dev.flowbench.engine;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{ }}} expressions with Pebble in strict mode (an unknown variable is an error, never an
 * empty string), with Flowbench's functions and filters. Thread-safe; compiled templates are cached.
 */
final class Renderer {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);

    private final PebbleEngine pebble;
    private final String source;

    /** A renderer whose errors name lines of {@code source} (the flow's text, or null). */
    Renderer(String source) {
        this.source = source;
        this.pebble = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .strictVariables(true)
                .autoEscaping(false)
                .newLineTrimming(false)
                .extension(new FlowbenchExtension())
                .build();
    }

    /** Whether {@code text} contains an expression at all (rendering is skipped when not). */
    static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /** {@code text} rendered with {@code context}; throws {@link TemplateException} with a one-line message. */
    String render(String text, Map<String, Object> context) {
        if (!isTemplate(text)) {
            return text;
        }
        try {
            StringWriter out = new StringWriter();
            pebble.getTemplate(text).evaluate(out, context);
            return out.toString();
        } catch (PebbleException e) {
            throw new TemplateException(describe(text, e));
        } catch (IOException | RuntimeException e) {
            throw new TemplateException(
                    "cannot render " + firstExpression(text, null) + ": " + e.getMessage() + where(text, null));
        }
    }

    /** Every string inside a JSON-like tree rendered; maps and lists are copied. */
    Object renderTree(Object value, Map<String, Object> context) {
        if (value instanceof String text) {
            return render(text, context);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), renderTree(v, context)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(renderTree(item, context)));
            return copy;
        }
        return value;
    }

    private String describe(String text, PebbleException e) {
        String name = switch (e) {
            case RootAttributeNotFoundException root -> root.getAttributeName();
            case AttributeNotFoundException attribute -> attribute.getAttributeName();
            default -> null;
        };
        String expression = firstExpression(text, name);
        if (name != null) {
            return "unknown variable '" + name + "' in " + expression + where(text, name);
        }
        String message = e.getPebbleMessage() == null ? e.getClass().getSimpleName() : e.getPebbleMessage();
        return "cannot render " + expression + ": " + message.strip() + where(text, null);
    }

    /** The first expression of {@code text} mentioning {@code name} (or the first one at all). */
    private static String firstExpression(String text, String name) {
        Matcher matcher = EXPRESSION.matcher(text);
        String first = null;
        while (matcher.find()) {
            String found = matcher.group();
            if (first == null) {
                first = found;
            }
            if (name == null || found.contains(name)) {
                return found.replaceAll("\\s+", " ");
            }
        }
        return first == null ? "'" + text + "'" : first.replaceAll("\\s+", " ");
    }

    /** " (line N)" of the flow's source where the expression appears, or empty when unknown. */
    private String where(String text, String name) {
        if (source == null) {
            return "";
        }
        String expression = firstExpression(text, name);
        int at = source.indexOf(expression);
        if (at < 0) {
            at = source.indexOf(text.strip());
        }
        if (at < 0) {
            return "";
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return " (line " + line + ")";
    }
}

package dev.flowbench.app.cli;

import dev.flowbench.schema.expression.Expressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets a plan be shown without the secrets themselves: every {@code secret('NAME')} the flow uses that the
 * environment cannot supply gets a placeholder, which the plan masks like any secret.
 */
final class SecretPlaceholders {
    private SecretPlaceholders() {}

    static Map<String, String> complete(Map<String, Object> flow, Map<String, String> known) {
        var secrets = new LinkedHashMap<>(known);
        collect(flow, secrets);
        return secrets;
    }

    private static void collect(Object value, Map<String, String> secrets) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, secrets));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, secrets));
        } else if (value instanceof String text) {
            for (Expressions.Reference reference : Expressions.references(text)) {
                if (reference.kind() == Expressions.Reference.Kind.SECRET) {
                    secrets.putIfAbsent(reference.name(), "<secret " + reference.name() + ">");
                }
            }
        }
    }
}

package dev.flowbench.schema.validation;

import dev.flowbench.schema.diagnostic.Severity;
import java.util.List;
import java.util.Map;

/**
 * A problem found on the value tree, before it has a text range: where (path of keys and indexes below the
 * document root), which part of that place to underline, and what to say.
 */
record Finding(
        List<String> path, Target target, Severity severity, String code, String message, Map<String, Object> data) {
    /** Which part of the place at {@link #path} the diagnostic covers. */
    enum Target {
        /** The key of the entry (unknown property). */
        KEY,
        /** The value (wrong type, bad enum value, bad format). */
        VALUE,
        /** The key that owns the object: {@code taskRunner:} or the {@code - id:} line of a list item. */
        OWNER
    }

    Finding {
        path = List.copyOf(path);
        data = Map.copyOf(data);
    }

    /** This finding with {@code prefix} put before its path. */
    Finding under(List<String> prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        var full = new java.util.ArrayList<String>(prefix.size() + path.size());
        full.addAll(prefix);
        full.addAll(path);
        return new Finding(full, target, severity, code, message, data);
    }
}

package dev.flowbench.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON helpers, and maps and lists that print as JSON: template output of {@code {{ outputs.x.vars.list }}}
 * must be {@code [1,2]} as in Kestra, not Java's {@code toString()}.
 */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            return String.valueOf(value);
        }
    }

    /** Parses JSON text; throws an IllegalArgumentException with a one-line message when it is not JSON. */
    static Object parse(String text) {
        try {
            return printable(MAPPER.readValue(text, Object.class));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A deep copy in which every map and list prints itself as JSON. */
    static Object printable(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonMap copy = new JsonMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), printable(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            JsonList copy = new JsonList();
            list.forEach(item -> copy.add(printable(item)));
            return copy;
        }
        return value;
    }

    /** A map that prints as JSON. */
    static final class JsonMap extends LinkedHashMap<String, Object> {
        @Override
        public String toString() {
            return write(this);
        }
    }

    /** A list that prints as JSON. */
    static final class JsonList extends ArrayList<Object> {
        JsonList() {}

        JsonList(List<?> items) {
            super(items);
        }

        @Override
        public String toString() {
            return write(this);
        }
    }
}

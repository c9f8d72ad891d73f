package dev.flowbench.app.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON writer of the command line: pretty, stable, UTF-8. */
final class Json {
    static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    /** {@code value} as JSON on one line. */
    static String compact(Object value) {
        return COMPACT.writeValueAsString(value);
    }

    /** {@code value} as indented JSON. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}

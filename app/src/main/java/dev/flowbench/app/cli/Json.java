package dev.flowbench.app.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON writer of the command line: pretty, stable, UTF-8. */
final class Json {
    static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    /** {@code value} as indented JSON. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}

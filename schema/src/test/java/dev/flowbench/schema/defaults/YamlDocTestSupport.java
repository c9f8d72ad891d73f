package dev.flowbench.schema.defaults;

import dev.flowbench.schema.diagnostic.Range;

final class YamlDocTestSupport {
    private YamlDocTestSupport() {}

    /** A range as one-based "line:column-line:column". */
    static String span(Range range) {
        return range.start().toDisplayString() + "-" + range.end().toDisplayString();
    }
}

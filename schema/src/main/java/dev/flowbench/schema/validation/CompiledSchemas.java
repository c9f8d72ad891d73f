package dev.flowbench.schema.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** networknt schemas compiled once per schema tree (plugin schemas are immutable and cached by identity). */
final class CompiledSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<ObjectNode, Schema> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    private CompiledSchemas() {}

    static Schema of(ObjectNode schema) {
        return CACHE.computeIfAbsent(schema, REGISTRY::getSchema);
    }
}

package dev.flowbench.schema.json;

import dev.flowbench.schema.flow.EnvironmentDefinition;
import dev.flowbench.schema.flow.FlowDefinition;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of whole files — a flow and an environment — with plugin slots left as slot objects (each plugin
 * instance is checked against its own schema). Generated once; callers must not modify them.
 */
public final class DocumentSchemas {
    private static final ObjectNode FLOW = generate(FlowDefinition.class);
    private static final ObjectNode ENVIRONMENT = generate(EnvironmentDefinition.class);

    private DocumentSchemas() {}

    /** The schema of a flow file. */
    public static ObjectNode flow() {
        return FLOW;
    }

    /** The schema of an environment file. */
    public static ObjectNode environment() {
        return ENVIRONMENT;
    }

    private static ObjectNode generate(Class<?> shape) {
        return new PluginSchemaGenerator().generate(shape);
    }
}

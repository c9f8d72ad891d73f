package dev.flowbench.schema.json;

/**
 * The keywords Flowbench adds to JSON Schema; editors that do not know them ignore them, as Draft 7 allows.
 */
public final class SchemaKeywords {
    /** Markdown description, understood by VS Code's YAML extension. */
    public static final String MARKDOWN_DESCRIPTION = "markdownDescription";
    /** Boolean: the value may contain {@code {{ }}} expressions. */
    public static final String DYNAMIC = "x-dynamic";
    /** String: the group a property is shown under. */
    public static final String GROUP = "x-group";
    /** String: what the property or plugin was replaced by. */
    public static final String REPLACED_BY = "x-replacedBy";
    /** Array of strings: older names of a property. */
    public static final String ALIASES = "x-aliases";
    /** String: a human explanation of "pattern". */
    public static final String PATTERN_HINT = "x-patternHint";
    /** String: the {@link dev.flowbench.schema.plugin.PluginKind} a polymorphic slot accepts. */
    public static final String SLOT = "x-slot";
    /** String: the plugin type id a subschema describes. */
    public static final String PLUGIN_TYPE = "x-pluginType";
    /** Boolean: a property required once pluginDefaults are applied. */
    public static final String REQUIRED = "required";

    private SchemaKeywords() {}
}

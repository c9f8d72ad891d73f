package dev.flowbench.schema.docs;

import java.util.List;

/**
 * The documentation page of one plugin, independent of how it is shown (markdown, JSON, the app's sidebar).
 *
 * @param kind "task", "task runner" or "trigger"
 * @param iconSvg the SVG icon's text, or null
 * @param origin "built-in" or the plugin JAR's path
 */
public record PluginDocs(
        String type,
        String title,
        String kind,
        String description,
        String iconSvg,
        String origin,
        List<String> aliases,
        String deprecated,
        List<PropertyDoc> properties,
        List<ExampleDoc> examples) {

    /** A titled YAML example. */
    public record ExampleDoc(String title, String code) {}
}

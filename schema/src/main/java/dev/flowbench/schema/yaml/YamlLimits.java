package dev.flowbench.schema.yaml;

/**
 * Bounds that keep hostile or accidental input from hanging the editor or exhausting memory.
 *
 * @param maxChars longest text parsed at all; longer texts get one {@code yaml-too-large} error
 * @param maxDepth deepest nesting of mappings and sequences; deeper input stops with {@code yaml-too-deep}
 * @param maxAliasExpansion how many values aliases to collections may add once expanded; more stops with
 *     {@code yaml-alias-limit} (this is what refuses "billion laughs" documents)
 */
public record YamlLimits(int maxChars, int maxDepth, long maxAliasExpansion) {
    /** 8 Mi characters (ten times a 2,000-task flow), 200 levels, 100,000 expanded values. */
    public static final YamlLimits DEFAULTS = new YamlLimits(8 * 1024 * 1024, 200, 100_000);

    public YamlLimits {
        if (maxChars < 0 || maxDepth < 1 || maxAliasExpansion < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}

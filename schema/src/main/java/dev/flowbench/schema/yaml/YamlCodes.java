package dev.flowbench.schema.yaml;

/** The stable diagnostic codes of YAML reading; every diagnostic {@link YamlDocument} reports has one. */
public final class YamlCodes {
    /** Any syntax error not covered by a more precise code. */
    public static final String SYNTAX = "yaml-syntax";
    /** An unquoted value starting with {@code {{}, which YAML reads as a flow mapping. */
    public static final String UNQUOTED_EXPRESSION = "yaml-unquoted-expression";
    /** A tab used for indentation. */
    public static final String TAB_INDENT = "yaml-tab-indent";
    /** Aliases expanding to more values than {@link YamlLimits#maxAliasExpansion()}. */
    public static final String ALIAS_LIMIT = "yaml-alias-limit";
    /** An alias inside the collection its anchor names. */
    public static final String ALIAS_RECURSIVE = "yaml-alias-recursive";
    /** An alias with no anchor of that name before it. */
    public static final String UNKNOWN_ALIAS = "yaml-unknown-alias";
    /** Nesting deeper than {@link YamlLimits#maxDepth()}. */
    public static final String TOO_DEEP = "yaml-too-deep";
    /** A text longer than {@link YamlLimits#maxChars()}. */
    public static final String TOO_LARGE = "yaml-too-large";
    /** A binary file (it contains NUL or many control characters). */
    public static final String BINARY = "yaml-binary";
    /** Bytes that are not valid UTF-8. */
    public static final String ENCODING = "yaml-encoding";
    /** A control character YAML does not allow. */
    public static final String CONTROL_CHARACTER = "yaml-control-character";
    /** The same key twice in one mapping; the later value wins. */
    public static final String DUPLICATE_KEY = "yaml-duplicate-key";
    /** A mapping or sequence used as a key; its text becomes the key. */
    public static final String COMPLEX_KEY = "yaml-complex-key";
    /** A merge key ({@code <<}) whose value is not a mapping or a list of mappings. */
    public static final String MERGE = "yaml-merge";

    private YamlCodes() {}
}

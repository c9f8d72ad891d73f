/**
 * YAML with positions: {@link dev.flowbench.schema.yaml.YamlDocument} parses a flow or environment file
 * (SnakeYAML Engine events, YAML 1.2 core schema) into plain Java values plus the range of every key and
 * value, addressed by JSON pointers ({@link dev.flowbench.schema.yaml.JsonPointers}).
 *
 * <p>Parsing never throws: syntax errors, tabs in indentation, unquoted {@code {{ }}} values, alias bombs,
 * deep nesting, huge and binary files become diagnostics with stable codes ({@link
 * dev.flowbench.schema.yaml.YamlCodes}). Everything else in the package is internal.
 */
package dev.flowbench.schema.yaml;

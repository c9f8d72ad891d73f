/**
 * Validation of flow and environment files: YAML syntax, schemas selected by plugin type, pluginDefaults and
 * the flow rules, reported as precise diagnostics with quick-fix data.
 */
package dev.flowbench.schema.validation;

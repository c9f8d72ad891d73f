/** JSON Schema generation from documented classes, with victools. */
package dev.flowbench.schema.json;

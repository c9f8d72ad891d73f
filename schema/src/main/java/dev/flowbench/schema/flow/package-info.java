/** The documented shapes of flow and environment files, from which their JSON schemas are generated. */
package dev.flowbench.schema.flow;

/**
 * The plugin registry: which plugins are installed, where each came from, and what failed to load. Built-ins
 * come from the class path, others from plugin JARs, each in its own class loader.
 */
package dev.flowbench.schema.registry;

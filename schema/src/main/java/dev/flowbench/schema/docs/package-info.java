/** Plugin documentation pages built from descriptors and schemas, and their markdown rendering. */
package dev.flowbench.schema.docs;

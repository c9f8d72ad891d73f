/** Export of whole-file JSON schemas for other editors. */
package dev.flowbench.schema.export;

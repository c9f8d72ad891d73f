/**
 * The tasks that are part of the flow language — script tasks, {@code Log} and the flowable tasks — declared
 * as annotated records. Execution lives in the engine; these records only describe.
 */
package dev.flowbench.schema.builtin;

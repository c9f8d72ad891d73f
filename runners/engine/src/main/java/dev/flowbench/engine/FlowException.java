package dev.flowbench.engine;

/**
 * A flow cannot run as given (missing or invalid input, malformed task); the message is one line for the
 * user, naming what is wrong and, for inputs, what is expected.
 */
public class FlowException extends RuntimeException {
    /** An error with a one-line user message. */
    public FlowException(String message) {
        super(message);
    }
}

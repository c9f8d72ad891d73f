package dev.flowbench.runner;

/**
 * A runner could not do what was asked; the message is one line meant for the user (no stack trace, no
 * secret) such as {@code interpreter 'python4' not found on this machine}.
 */
public class RunnerException extends RuntimeException {

    /** An error with a one-line user message. */
    public RunnerException(String userMessage) {
        super(oneLine(userMessage));
    }

    /** An error with a one-line user message and the technical cause (kept for logs, never shown raw). */
    public RunnerException(String userMessage, Throwable cause) {
        super(oneLine(userMessage), cause);
    }

    /** The one-line message for the user; never null. */
    public String userMessage() {
        return getMessage();
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "the runner failed";
        }
        String flat = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return flat.isEmpty() ? "the runner failed" : flat;
    }
}

package dev.flowbench.app.cli;

/** A problem the user can fix, reported as one line without a stack trace, with its exit code. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** An error with exit code {@link FlowbenchCommand#UNUSABLE}. */
    public UserError(String message) {
        this(message, FlowbenchCommand.UNUSABLE);
    }

    /** An error with the given exit code. */
    public UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** The process exit code to use. */
    public int exitCode() {
        return exitCode;
    }
}

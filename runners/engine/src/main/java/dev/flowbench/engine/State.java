package dev.flowbench.engine;

/** The state of a task run or an execution; the last five are terminal. */
public enum State {
    CREATED,
    RUNNING,
    SUCCESS,
    WARNING,
    FAILED,
    KILLED,
    SKIPPED;

    /** Whether nothing will change this state any more. */
    public boolean isTerminal() {
        return this != CREATED && this != RUNNING;
    }

    /** Whether this state counts as a failure of the flow (FAILED or KILLED). */
    public boolean isFailure() {
        return this == FAILED || this == KILLED;
    }

    /** The worse of two terminal states, for combining children: KILLED > FAILED > WARNING > SUCCESS > SKIPPED. */
    public State worst(State other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(State state) {
        return switch (state) {
            case KILLED -> 5;
            case FAILED -> 4;
            case WARNING -> 3;
            case SUCCESS -> 2;
            case SKIPPED -> 1;
            case CREATED, RUNNING -> 0;
        };
    }
}

package dev.flowbench.engine;

import java.util.Map;

/** How one attempt of a task ended: its state, outputs and, when it failed, one line saying why. */
record Outcome(State state, Map<String, Object> outputs, String error) {

    static Outcome success(Map<String, Object> outputs) {
        return new Outcome(State.SUCCESS, outputs, null);
    }

    static Outcome failed(String error) {
        return new Outcome(State.FAILED, Map.of(), error);
    }
}

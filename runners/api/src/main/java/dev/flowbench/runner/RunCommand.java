package dev.flowbench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to execute: an interpreter (e.g. {@code ["/bin/sh", "-c"]}) that receives the script as its last
 * argument, as Kestra's script tasks do.
 *
 * @param interpreter the interpreter and its leading arguments; never empty
 * @param script the text passed as the interpreter's last argument (the command lines joined by newlines)
 */
public record RunCommand(List<String> interpreter, String script) {

    /** The interpreter Kestra's script tasks use by default. */
    public static final List<String> DEFAULT_INTERPRETER = List.of("/bin/sh", "-c");

    public RunCommand {
        interpreter = List.copyOf(interpreter);
        Objects.requireNonNull(script, "script");
        if (interpreter.isEmpty()) {
            throw new IllegalArgumentException("the interpreter must not be empty");
        }
    }

    /** A command that runs {@code lines} one after the other with {@code interpreter}. */
    public static RunCommand of(List<String> interpreter, List<String> lines) {
        return new RunCommand(interpreter, String.join("\n", lines));
    }

    /** A command that runs {@code lines} with {@code /bin/sh -c}. */
    public static RunCommand shell(String... lines) {
        return of(DEFAULT_INTERPRETER, List.of(lines));
    }

    /** The full argument vector: the interpreter followed by the script; a new mutable-safe copy. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(interpreter);
        argv.add(script);
        return List.copyOf(argv);
    }
}

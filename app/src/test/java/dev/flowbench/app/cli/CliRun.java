package dev.flowbench.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of running the command line in-process: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
    /** Runs {@code flowbench args…} in this JVM. */
    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = FlowbenchCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}

package dev.flowbench.app;

import dev.flowbench.app.cli.FlowbenchCommand;
import dev.flowbench.app.smoke.WindowProbe;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The single entry point: with no arguments it opens the desktop editor; otherwise it runs a command-line
 * command without ever starting the JavaFX toolkit.
 */
public final class Main {
    private Main() {}

    /** Runs Flowbench and exits with the command's exit code. */
    public static void main(String[] args) {
        if (args.length == 0) {
            if (WindowProbe.requested()) {
                WindowProbe.start();
            }
            System.exit(dev.flowbench.app.desktop.DesktopApp.launch(FlowbenchCommand.defaultWorkspace()));
        }
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = FlowbenchCommand.execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}

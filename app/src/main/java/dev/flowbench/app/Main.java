package dev.flowbench.app;

import dev.flowbench.app.cli.FlowbenchCommand;
import dev.flowbench.app.desktop.DesktopApp;
import dev.flowbench.app.desktop.FilesToOpen;
import dev.flowbench.app.smoke.WindowProbe;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The single entry point: with no arguments it opens the desktop editor, with YAML files as arguments the editor on
 * those files (see {@link FilesToOpen}); otherwise it runs a command-line command without ever starting the JavaFX
 * toolkit.
 */
public final class Main {
    private Main() {}

    /** Runs Flowbench and exits with the command's exit code. */
    public static void main(String[] args) {
        if (args.length == 0) {
            desktop(FlowbenchCommand.defaultWorkspace(), List.of());
        }
        Optional<FilesToOpen> files = FilesToOpen.fromArguments(List.of(args), Path.of(""));
        if (files.isPresent()) {
            desktop(files.get().workspace(), files.get().files());
        }
        Optional<String> missing = FilesToOpen.missing(List.of(args), Path.of(""));
        if (missing.isPresent()) {
            System.err.println("flowbench: cannot open " + missing.get() + ": no such file");
            System.exit(2);
        }
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = FlowbenchCommand.execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static void desktop(Path workspace, List<Path> files) {
        if (WindowProbe.requested()) {
            WindowProbe.start();
        }
        System.exit(DesktopApp.launch(workspace, files));
    }
}

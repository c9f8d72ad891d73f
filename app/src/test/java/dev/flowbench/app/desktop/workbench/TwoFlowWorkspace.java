package dev.flowbench.app.desktop.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/** A workspace for view-model tests: flows/hello.yaml, flows/other.yaml and a dev environment. */
record TwoFlowWorkspace(Path root, Path hello, Path other) {

    /** Writes the workspace under {@code root}. */
    static TwoFlowWorkspace at(Path root) throws IOException {
        Path hello = root.resolve("flows/hello.yaml");
        Path other = root.resolve("flows/other.yaml");
        Files.createDirectories(hello.getParent());
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/dev.yaml"), "name: dev\n");
        Files.writeString(hello, "id: hello\n");
        Files.writeString(other, "id: other\n");
        return new TwoFlowWorkspace(root, hello, other);
    }

    /** A workbench on it without background work, its UI executor running inline. */
    WorkbenchViewModel workbench(ScheduledExecutorService scheduler) {
        return new WorkbenchViewModel(root, task -> {}, Runnable::run, scheduler);
    }
}

package dev.flowbench.app.workspace;

import java.nio.file.Path;

/**
 * A process that claims a workspace, prints {@code held}, then prints {@code opened: [files]} for every launch that
 * forwards to it, until it is killed. Arguments: the workspace folder. Run by {@code WorkspaceInstanceTest}.
 */
public final class HoldWorkspace {
    private HoldWorkspace() {}

    public static void main(String[] args) throws Exception {
        var instance = WorkspaceInstance.claim(Path.of(args[0])).orElseThrow();
        instance.listen(files -> System.out.println("opened: " + files));
        System.out.println("held");
        Thread.sleep(Long.MAX_VALUE);
    }
}

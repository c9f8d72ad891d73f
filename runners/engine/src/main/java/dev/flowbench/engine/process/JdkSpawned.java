package dev.flowbench.engine.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts processes with {@link ProcessBuilder}, prefixed with {@code setsid} where it exists: portable, but
 * each start costs two extra program executions (the JDK's spawn helper and setsid).
 */
final class JdkSpawned implements Spawned {
    private final Process process;
    private final boolean ownGroup;

    private JdkSpawned(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    static JdkSpawned start(List<String> argv, Map<String, String> env, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        Path setsid = Executables.setsid();
        if (setsid != null) {
            command.add(setsid.toString());
        }
        command.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(env);
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(devNull); // a command reading stdin ends instead of waiting forever
        }
        return new JdkSpawned(builder.start(), setsid != null);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean ownGroup() {
        return ownGroup;
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    InputStream stderr() {
        return process.getErrorStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void destroy() {
        process.destroy();
    }

    @Override
    public void destroyForcibly() {
        process.destroyForcibly();
    }

    @Override
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }
}

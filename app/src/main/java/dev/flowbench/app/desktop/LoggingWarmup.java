package dev.flowbench.app.desktop;

/**
 * Looks up the platform's logging on a background thread while the toolkit starts, so the FX thread finds it
 * ready. JavaFX asks for a logger when it first applies CSS, and the JDK's first logger lookup searches every
 * JAR on the class path for logging providers: with the runners' libraries that is over a hundred JARs opened
 * and indexed, tens of milliseconds that otherwise stand between launch and the first frame.
 */
final class LoggingWarmup {
    private LoggingWarmup() {}

    /** Starts the lookup on a daemon thread and returns at once. */
    static void start() {
        Thread.ofPlatform()
                .daemon()
                .name("flowbench-logging-warmup")
                .start(() -> System.getLogger(LoggingWarmup.class.getName()));
    }
}

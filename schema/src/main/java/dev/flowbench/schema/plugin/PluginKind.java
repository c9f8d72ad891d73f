package dev.flowbench.schema.plugin;

/** The slot a plugin fills in a flow, derived from the slot interface it implements. */
public enum PluginKind {
    TASK("task", TaskPlugin.class),
    TASK_RUNNER("task runner", RunnerPlugin.class),
    TRIGGER("trigger", TriggerPlugin.class);

    private final String label;
    private final Class<?> marker;

    PluginKind(String label, Class<?> marker) {
        this.label = label;
        this.marker = marker;
    }

    /** A lower-case human name: "task", "task runner", "trigger". */
    public String label() {
        return label;
    }

    /** The slot interface a class implements to be of this kind. */
    public Class<?> marker() {
        return marker;
    }

    /** The kind of {@code type}, or null when it implements no slot interface. */
    public static PluginKind of(Class<?> type) {
        for (PluginKind kind : values()) {
            if (kind.marker.isAssignableFrom(type)) {
                return kind;
            }
        }
        return null;
    }
}

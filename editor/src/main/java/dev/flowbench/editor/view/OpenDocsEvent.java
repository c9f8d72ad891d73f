package dev.flowbench.editor.view;

import java.io.Serial;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * Fired by a {@link FlowEditor} when the user asks for a plugin's documentation: Ctrl/Cmd+click on a type name
 * (or F1 with the caret on one). The app listens and opens the docs sidebar on {@link #typeId()}.
 */
public final class OpenDocsEvent extends Event {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The only type of this event. */
    public static final EventType<OpenDocsEvent> OPEN_DOCS = new EventType<>(Event.ANY, "OPEN_DOCS");

    private final String typeId;

    public OpenDocsEvent(String typeId) {
        super(OPEN_DOCS);
        this.typeId = typeId;
    }

    /** The plugin type id whose documentation is wanted; never null. */
    public String typeId() {
        return typeId;
    }
}

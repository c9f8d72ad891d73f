package dev.flowbench.app.desktop.outline;

import dev.flowbench.editor.language.OutlineNode;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The outline of one text at a time: {@link #update} computes it on a background executor and publishes it
 * through {@code publisher} (the FX thread in the app, the caller's thread in tests), dropping stale results.
 */
public final class OutlineViewModel {
    private final Executor background;
    private final Executor publisher;
    private final ReadOnlyObjectWrapper<OutlineNode> root = new ReadOnlyObjectWrapper<>(this, "root");
    private long request;

    public OutlineViewModel(Executor background, Executor publisher) {
        this.background = background;
        this.publisher = publisher;
    }

    /** The outline shown; null when there is no document or it has no outline. */
    public ReadOnlyObjectProperty<OutlineNode> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** Recomputes the outline of {@code text} with {@code outline} (null clears it). */
    public void update(String text, Function<String, OutlineNode> outline) {
        long id = ++request;
        if (text == null || outline == null) {
            root.set(null);
            return;
        }
        try {
            background.execute(() -> {
                OutlineNode node;
                try {
                    node = outline.apply(text);
                } catch (RuntimeException e) {
                    node = null;
                }
                OutlineNode result = node;
                publisher.execute(() -> {
                    if (id == request) {
                        root.set(result);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /**
     * The plugin type of the innermost outline entry containing {@code offset} (the task the caret is in), or
     * empty.
     */
    public Optional<String> typeAt(int offset) {
        OutlineNode node = root.get();
        String type = null;
        while (node != null) {
            OutlineNode inside = null;
            for (OutlineNode child : node.children()) {
                if (child.range().start().offset() <= offset
                        && offset <= child.range().end().offset()) {
                    inside = child;
                    break;
                }
            }
            if (inside != null
                    && inside.kind() == OutlineNode.Kind.TASK
                    && !inside.detail().isBlank()) {
                type = inside.detail();
            }
            node = inside;
        }
        return Optional.ofNullable(type);
    }
}

package dev.flowbench.schema.registry;

/** A plugin class that is not a valid declaration; the message says what to fix in one line. */
final class PluginDeclarationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginDeclarationException(String message) {
        super(message, null, false, false);
    }
}

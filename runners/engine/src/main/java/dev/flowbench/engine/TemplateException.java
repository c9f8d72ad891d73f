package dev.flowbench.engine;

/** A {@code {{ }}} expression could not be rendered; the message is one line naming it and, when known, its line. */
final class TemplateException extends RuntimeException {
    TemplateException(String message) {
        super(message);
    }
}

package dev.flowbench.engine;

import java.util.AbstractMap;
import java.util.Set;

/**
 * Stands for values that only exist at run time (outputs of earlier tasks) when a flow is planned: any
 * attribute of it is another placeholder, and it prints as {@code <outputs.task.vars.name>}.
 */
final class Placeholder extends AbstractMap<String, Object> {
    private final String path;

    Placeholder(String path) {
        this.path = path;
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Object get(Object key) {
        return new Placeholder(path + "." + key);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Set<String> keySet() {
        return Set.of("*");
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }

    @Override
    public String toString() {
        return "<" + path + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Placeholder p && p.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}

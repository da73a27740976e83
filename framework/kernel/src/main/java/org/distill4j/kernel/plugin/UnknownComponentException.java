package org.distill4j.kernel.plugin;

import org.distill4j.api.ComponentKind;

import java.util.List;
import java.util.Optional;

/** A descriptor or caller named a component that no plugin provides. */
public final class UnknownComponentException extends RuntimeException {

    private final ComponentKind kind;
    private final String name;
    private final List<String> available;
    private final Optional<String> suggestion;

    public UnknownComponentException(ComponentKind kind, String name, List<String> available) {
        super(message(kind, name, available));
        this.kind = kind;
        this.name = name;
        this.available = List.copyOf(available);
        this.suggestion = Suggestions.closest(name, available);
    }

    public ComponentKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> available() {
        return available;
    }

    public Optional<String> suggestion() {
        return suggestion;
    }

    private static String message(ComponentKind kind, String name, List<String> available) {
        StringBuilder text = new StringBuilder("unknown ").append(kind.label()).append(" '").append(name).append("'");
        Suggestions.closest(name, available).ifPresent(close -> text.append(" (did you mean '").append(close).append("'?)"));
        text.append("; available: ");
        text.append(available.isEmpty() ? "none (is the plugin on the class path?)" : String.join(", ", available));
        return text.toString();
    }
}

package org.distill4j.kernel.plugin;

import org.distill4j.api.Component;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Distill4jPlugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every component of every discovered plugin, by kind and name. Names are unique per kind; a second plugin
 * registering a taken name fails with both plugins named.
 */
public final class ComponentRegistry {

    private final List<Distill4jPlugin> plugins;
    private final Map<ComponentKind, Map<String, RegisteredComponent>> components = new EnumMap<>(ComponentKind.class);

    public ComponentRegistry(List<Distill4jPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        for (ComponentKind kind : ComponentKind.values()) {
            components.put(kind, new TreeMap<>());
        }
        for (Distill4jPlugin plugin : this.plugins) {
            if (!Component.isValidName(plugin.name())) {
                throw new IllegalArgumentException("plugin " + plugin.getClass().getName() + " has name '"
                        + plugin.name() + "', which is not kebab-case");
            }
            for (Component<?> component : plugin.components()) {
                RegisteredComponent registered = new RegisteredComponent(component, plugin);
                RegisteredComponent earlier = components.get(component.kind()).putIfAbsent(component.name(), registered);
                if (earlier != null) {
                    throw new DuplicateComponentException(earlier, registered);
                }
            }
        }
    }

    public List<Distill4jPlugin> plugins() {
        return plugins;
    }

    public Optional<RegisteredComponent> find(ComponentKind kind, String name) {
        return Optional.ofNullable(components.get(kind).get(name));
    }

    /** The component, or an exception that lists the available names of that kind. */
    public RegisteredComponent require(ComponentKind kind, String name) {
        RegisteredComponent found = components.get(kind).get(name);
        if (found == null) {
            throw new UnknownComponentException(kind, name, names(kind));
        }
        return found;
    }

    /** Names of the components of a kind, sorted. */
    public List<String> names(ComponentKind kind) {
        return List.copyOf(components.get(kind).keySet());
    }

    /** Components of a kind, sorted by name. */
    public List<RegisteredComponent> components(ComponentKind kind) {
        return Collections.unmodifiableList(new ArrayList<>(components.get(kind).values()));
    }
}

package org.distill4j.kernel.plugin;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.Objects;

/** A component together with the plugin that provides it. */
public record RegisteredComponent(Component<?> component, Distill4jPlugin plugin) {

    public RegisteredComponent {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(plugin, "plugin");
    }

    public String name() {
        return component.name();
    }

    /** The plugin's name and, when its jar has one, version; for errors and provenance. */
    public String pluginLabel() {
        return PluginVersions.label(plugin);
    }
}

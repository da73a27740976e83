package org.distill4j.kernel.plugin;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Distill4jPlugin;

import java.util.HashMap;
import java.util.Map;

/**
 * Creates component instances with Guice: each plugin gets a child injector of the kernel's with the plugin's own
 * module, and each instance a further child that binds its parameter record, so implementations inject their
 * parameters and the plugin's helpers (and kernel services such as the network factory).
 *
 * <p>The kernel's injector allows explicit bindings only, and its children inherit that: the instance's child binds
 * the implementation itself, and a plugin's module must bind every helper its components inject.
 */
@Singleton
public final class ComponentFactory {

    private final Injector kernel;
    private final ComponentRegistry registry;
    private final Map<Distill4jPlugin, Injector> pluginInjectors = new HashMap<>();

    @Inject
    public ComponentFactory(Injector kernel, ComponentRegistry registry) {
        this.kernel = kernel;
        this.registry = registry;
    }

    /** A new instance of the named component, with the given (already bound and valid) parameters. */
    public <T> T create(ComponentKind kind, String name, Record parameters, Class<T> contract) {
        RegisteredComponent registered = registry.require(kind, name);
        Class<? extends Record> type = registered.component().parameters();
        if (!type.isInstance(parameters)) {
            throw new IllegalArgumentException(kind.label() + " '" + name + "' takes " + type.getSimpleName()
                    + ", got " + parameters.getClass().getSimpleName());
        }
        Key<?> implementation = Key.get(registered.component().implementation());
        Module instance = binder -> {
            bindInstance(binder, type, parameters);
            binder.bind(implementation);
        };
        Injector injector = pluginInjector(registered.plugin()).createChildInjector(instance);
        return contract.cast(injector.getInstance(implementation));
    }

    private synchronized Injector pluginInjector(Distill4jPlugin plugin) {
        return pluginInjectors.computeIfAbsent(plugin, p -> kernel.createChildInjector(p.module()));
    }

    private static <R extends Record> void bindInstance(com.google.inject.Binder binder, Class<R> type, Record value) {
        binder.bind(type).toInstance(type.cast(value));
    }
}

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
        Module bindParameters = binder -> bindInstance(binder, type, parameters);
        Injector injector = pluginInjector(registered.plugin()).createChildInjector(bindParameters);
        return contract.cast(injector.getInstance(Key.get(registered.component().implementation())));
    }

    private synchronized Injector pluginInjector(Distill4jPlugin plugin) {
        return pluginInjectors.computeIfAbsent(plugin, p -> kernel.createChildInjector(p.module()));
    }

    private static <R extends Record> void bindInstance(com.google.inject.Binder binder, Class<R> type, Record value) {
        binder.bind(type).toInstance(type.cast(value));
    }
}

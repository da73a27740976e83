package org.distill4j.kernel;

import com.google.inject.AbstractModule;
import org.distill4j.api.NetworkFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.models.graph.GraphNetworkFactory;

import java.util.Objects;

/** The kernel's bindings. Bindings only: plugin discovery happens before, in {@link Kernel}. */
public final class KernelModule extends AbstractModule {

    private final ComponentRegistry registry;

    public KernelModule(ComponentRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected void configure() {
        bind(ComponentRegistry.class).toInstance(registry);
        bind(NetworkFactory.class).to(GraphNetworkFactory.class);
    }
}

package org.distill4j.kernel;

import com.google.inject.AbstractModule;
import org.distill4j.api.NetworkFactory;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.RecordedDescriptorReader;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.models.graph.GraphNetworkFactory;

import java.util.Objects;

/**
 * The kernel's bindings. Bindings only: plugin discovery happens before, in {@link Kernel}.
 *
 * <p>Every injectable type is bound here: just-in-time bindings are off, so a type that is not listed cannot be
 * injected by accident, and the list below is the whole of what the kernel offers. Child injectors (the plugins', the
 * command line's) inherit the rule and bind what they add.
 */
public final class KernelModule extends AbstractModule {

    private final ComponentRegistry registry;

    public KernelModule(ComponentRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(ComponentRegistry.class).toInstance(registry);
        bind(ComponentFactory.class);
        bind(DescriptorParser.class);
        bind(RecordedDescriptorReader.class);
        bind(NetworkFactory.class).to(GraphNetworkFactory.class);
        bind(GraphNetworkFactory.class);
    }
}

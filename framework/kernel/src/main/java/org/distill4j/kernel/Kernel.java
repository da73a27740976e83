package org.distill4j.kernel;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.plugin.PluginLoader;

import java.util.List;

/** Starts the kernel: discovers plugins, registers their components and creates the Guice injector. */
public final class Kernel {

    /** A kernel over every plugin on the class path. */
    public static Injector start() {
        return start(PluginLoader.discover());
    }

    /** A kernel over the given plugins (tests pass fakes here). */
    public static Injector start(List<Distill4jPlugin> plugins) {
        return Guice.createInjector(new KernelModule(new ComponentRegistry(plugins)));
    }

    private Kernel() {
    }
}

package org.distill4j.kernel;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
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

    /**
     * A kernel over the given plugins (tests pass fakes here). {@link Stage#PRODUCTION} creates the singletons now and
     * checks every binding up front, so a wiring mistake fails here rather than half-way through a run.
     */
    public static Injector start(List<Distill4jPlugin> plugins) {
        return Guice.createInjector(Stage.PRODUCTION, new KernelModule(new ComponentRegistry(plugins)));
    }

    private Kernel() {
    }
}

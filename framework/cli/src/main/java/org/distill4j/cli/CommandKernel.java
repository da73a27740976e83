package org.distill4j.cli;

import com.google.inject.Injector;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.plugin.PluginLoader;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The injector the commands' dependencies come from: the kernel over the plugins found, with the command line's own
 * bindings. It starts the first time a command needs it, not before: finding the plugins and creating the injector
 * take about half a second, which {@code --version}, {@code diff} and {@code bench} need not pay.
 */
public final class CommandKernel {

    private final Supplier<List<Distill4jPlugin>> plugins;
    private Injector injector;

    /** A kernel over the plugins the supplier finds when it starts (tests pass fixed lists). */
    public CommandKernel(Supplier<List<Distill4jPlugin>> plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /** A kernel over every plugin on the class path. */
    public static CommandKernel onClassPath() {
        return new CommandKernel(PluginLoader::discover);
    }

    /** The injector, started on the first call; fails with {@link MissingPlugins}' message without plugins. */
    public synchronized Injector injector() {
        if (injector == null) {
            List<Distill4jPlugin> found = plugins.get();
            MissingPlugins.check(found);
            injector = Kernel.start(found).createChildInjector(new CommandModule());
        }
        return injector;
    }
}

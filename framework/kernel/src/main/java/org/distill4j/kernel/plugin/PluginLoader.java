package org.distill4j.kernel.plugin;

import org.distill4j.api.Distill4jPlugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Discovers plugins on a class path with {@link ServiceLoader}. */
public final class PluginLoader {

    /** Every plugin visible to the class loader, sorted by name so registration order is stable. */
    public static List<Distill4jPlugin> discover(ClassLoader classLoader) {
        List<Distill4jPlugin> plugins = new ArrayList<>();
        for (Distill4jPlugin plugin : ServiceLoader.load(Distill4jPlugin.class, classLoader)) {
            plugins.add(plugin);
        }
        plugins.sort(Comparator.comparing(Distill4jPlugin::name).thenComparing(plugin -> plugin.getClass().getName()));
        return List.copyOf(plugins);
    }

    public static List<Distill4jPlugin> discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    private PluginLoader() {
    }
}

package org.distill4j.kernel.plugin;

import org.distill4j.api.Distill4jPlugin;

/** Reads a plugin's version from its jar manifest (set by the Maven build). */
public final class PluginVersions {

    public static String version(Distill4jPlugin plugin) {
        String version = plugin.getClass().getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static String label(Distill4jPlugin plugin) {
        return plugin.name() + " (" + plugin.getClass().getName() + ")";
    }

    private PluginVersions() {
    }
}

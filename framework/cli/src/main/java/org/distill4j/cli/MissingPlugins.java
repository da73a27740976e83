package org.distill4j.cli;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.kernel.builtin.KernelPlugin;

import java.io.File;
import java.util.Arrays;
import java.util.List;

/**
 * The check that plugins were found before a command uses components. Without it, a class path that lacks the plugin
 * jars shows up later and obscurely: every descriptor invalid with "unknown model family", an empty list.
 */
final class MissingPlugins {

    private static final int CLASS_PATH_ENTRIES_SHOWN = 3;

    /** Fails with {@link #message} when no plugin was found besides the kernel's own (optimizers and schedules). */
    static void check(List<Distill4jPlugin> found) {
        if (found.stream().allMatch(KernelPlugin.class::isInstance)) {
            throw new IllegalStateException(message(System.getProperty("java.class.path", "")));
        }
    }

    /** What is wrong, where the plugins were looked for and how to put them there. */
    static String message(String classPath) {
        return "no Distill4J plugins found: no jar on the class path lists one in META-INF/services/"
                + Distill4jPlugin.class.getName() + ", so there are no model families, data sets or distillers"
                + " (only the kernel's own optimizers and schedules)\n"
                + "  looked on the class path: " + shown(classPath) + "\n"
                + "  distill4j.jar takes the plugins from the lib/ folder beside it (its manifest names them), which"
                + " `mvn install` fills with every plugin framework/cli/pom.xml depends on: run scripts/distill4j,"
                + " which builds the jar and its lib/ when needed, or keep framework/cli/target/lib beside"
                + " distill4j.jar, or put the plugin jars on the class path"
                + " (java -cp 'distill4j.jar:lib/*:my-plugin.jar' org.distill4j.cli.Main ...)";
    }

    private static String shown(String classPath) {
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .toList();
        if (entries.isEmpty()) {
            return "(empty)";
        }
        if (entries.size() <= CLASS_PATH_ENTRIES_SHOWN) {
            return String.join(File.pathSeparator, entries);
        }
        return String.join(File.pathSeparator, entries.subList(0, CLASS_PATH_ENTRIES_SHOWN)) + " and "
                + (entries.size() - CLASS_PATH_ENTRIES_SHOWN) + " more";
    }

    private MissingPlugins() {
    }
}

package org.distill4j.cli.sweep;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start another JVM like this one: the same java binary, JVM arguments (heap, JavaCPP limits, DL4J helper
 * switches) and class path, so a sweep's jobs run with exactly the settings the sweep was started with.
 *
 * @param java         the java executable
 * @param jvmArguments the JVM's arguments, without a debugger agent (a second JVM cannot listen on its port)
 * @param classPath    the class path
 */
public record JavaCommand(Path java, List<String> jvmArguments, String classPath) {

    public JavaCommand {
        Objects.requireNonNull(java, "java");
        jvmArguments = List.copyOf(jvmArguments);
        Objects.requireNonNull(classPath, "classPath");
    }

    /** The command of the running JVM. */
    public static JavaCommand current() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !isDebugger(argument)).toList();
        return new JavaCommand(java, arguments, System.getProperty("java.class.path"));
    }

    /**
     * The same command with these JVM arguments in place of the ones that set the same thing: a heap size replaces
     * {@code -Xmx}, a system property replaces the same property.
     */
    public JavaCommand with(List<String> replacements) {
        List<String> arguments = new ArrayList<>();
        for (String argument : jvmArguments) {
            if (replacements.stream().noneMatch(replacement -> sameSetting(argument, replacement))) {
                arguments.add(argument);
            }
        }
        arguments.addAll(replacements);
        return new JavaCommand(java, arguments, classPath);
    }

    private static boolean sameSetting(String argument, String replacement) {
        if (argument.startsWith("-Xmx") && replacement.startsWith("-Xmx")) {
            return true;
        }
        return argument.startsWith("-D") && replacement.startsWith("-D")
                && setting(argument).equals(setting(replacement));
    }

    private static String setting(String property) {
        int equals = property.indexOf('=');
        return equals < 0 ? property : property.substring(0, equals);
    }

    /** The full command line that runs the main class with the arguments. */
    public List<String> command(String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArguments);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(arguments);
        return List.copyOf(command);
    }

    private static boolean isDebugger(String argument) {
        return argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp") || argument.equals("-Xdebug");
    }
}

package org.distill4j.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the CLI in-process, with its own error handling and exit codes, and captures what it prints. */
record CommandOutput(int exitCode, String text, String errors) {

    static CommandOutput run(String... arguments) {
        return run(Distill4jCommand.commandLine(), arguments);
    }

    /**
     * Runs the CLI with some subcommands replaced by the given instances, each under its {@code @Command} name (a
     * sweep whose jobs run in this JVM, for instance); the error handling stays the CLI's own.
     */
    static CommandOutput runWith(List<Object> replacements, String... arguments) {
        CommandLine commandLine = Distill4jCommand.commandLine();
        for (Object replacement : replacements) {
            CommandLine replacing = new CommandLine(replacement);
            String name = replacing.getCommandName();
            if (!commandLine.getSubcommands().containsKey(name)) {
                throw new IllegalArgumentException("distill4j has no subcommand '" + name + "' to replace; it has "
                        + commandLine.getSubcommands().keySet());
            }
            commandLine.getCommandSpec().removeSubcommand(name);
            commandLine.addSubcommand(name, replacing);
        }
        return run(commandLine, arguments);
    }

    /** Runs the given command line (one over fake plugins, for instance), capturing what it prints. */
    static CommandOutput run(CommandLine commandLine, String... arguments) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            int exit = commandLine.execute(arguments);
            return new CommandOutput(exit, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Everything printed, for assertion messages. */
    String all() {
        return "exit " + exitCode + "\n--- stdout\n" + text + "--- stderr\n" + errors;
    }
}

package org.distill4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: subcommands only. */
@Command(name = "distill4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Knowledge distillation and network compression experiments on Deeplearning4j.",
        subcommands = {ListCommand.class, ValidateCommand.class, RunCommand.class, SweepCommand.class, TablesCommand.class,
                ReportCommand.class, DiffCommand.class, RerunCommand.class, BenchCommand.class})
public final class Distill4jCommand implements Runnable {

    /** The command line over every plugin on the class path. */
    public static CommandLine commandLine() {
        return commandLine(CommandKernel.onClassPath());
    }

    /**
     * The command line whose commands are injected from the given kernel, with its error handling: a failure prints
     * its message (and those of its causes), not a stack trace, and exits 1; set DISTILL4J_DEBUG=1 to see the stack
     * trace.
     */
    public static CommandLine commandLine(CommandKernel kernel) {
        return new CommandLine(new Distill4jCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(new InjectingExecution(kernel))
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    if (System.getenv("DISTILL4J_DEBUG") != null) {
                        exception.printStackTrace();
                    }
                    StringBuilder message = new StringBuilder("distill4j: ").append(exception.getMessage());
                    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                        if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                            message.append("\n  caused by: ").append(cause.getMessage());
                        }
                    }
                    System.out.flush();
                    System.err.println(message);
                    return 1;
                });
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

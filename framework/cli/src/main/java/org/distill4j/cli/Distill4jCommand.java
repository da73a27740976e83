package org.distill4j.cli;

import picocli.CommandLine.Command;

/** The top-level command: subcommands only. */
@Command(name = "distill4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Knowledge distillation and network compression experiments on Deeplearning4j.",
        subcommands = {ListCommand.class, ValidateCommand.class, RunCommand.class, BenchCommand.class})
public final class Distill4jCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

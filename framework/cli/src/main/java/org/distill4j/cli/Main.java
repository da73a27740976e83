package org.distill4j.cli;

import picocli.CommandLine;

/** The {@code distill4j} command. */
public final class Main {

    public static void main(String[] args) {
        int exit = new CommandLine(new Distill4jCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(exit);
    }

    private Main() {
    }
}

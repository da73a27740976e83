package org.distill4j.cli;

/** The {@code distill4j} command. */
public final class Main {

    public static void main(String[] args) {
        int exit = Distill4jCommand.commandLine().execute(args);
        System.exit(exit);
    }

    private Main() {
    }
}

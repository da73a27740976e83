package org.distill4j.cli;

import org.distill4j.cli.sweep.SweepParent;

/** The {@code distill4j} command. */
public final class Main {

    public static void main(String[] args) {
        SweepParent.watch();
        int exit;
        try {
            exit = Distill4jCommand.commandLine(CommandKernel.onClassPath()).execute(args);
        } catch (ExceptionInInitializerError | NoClassDefFoundError error) {
            // ND4J without a usable backend (e.g. the CUDA jar on a machine without a GPU) fails as an Error, which
            // picocli's handler does not see: say which backend the jar carries instead of a stack trace.
            String message = BackendFailure.describe(error).orElseThrow(() -> error);
            if (System.getenv("DISTILL4J_DEBUG") != null) {
                error.printStackTrace();
            }
            System.out.flush();
            System.err.println(message);
            exit = 1;
        }
        System.exit(exit);
    }

    private Main() {
    }
}

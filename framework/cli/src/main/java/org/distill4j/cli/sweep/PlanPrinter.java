package org.distill4j.cli.sweep;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Prints a sweep plan for {@code --dry-run}: every job in launch order, what it waits for, and what is DONE. */
public final class PlanPrinter {

    private final PrintStream out;
    private final SweepLayout layout;
    private final JobCommandLine commandLine;

    public PlanPrinter(PrintStream out, SweepLayout layout, JobCommandLine commandLine) {
        this.out = Objects.requireNonNull(out, "out");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
    }

    public void print(SweepPlan plan, int parallelJobs) {
        int total = plan.jobs().size();
        out.println("sweep plan: " + total + " run" + (total == 1 ? "" : "s") + " to make, " + plan.alreadyDone().size()
                + " already DONE; " + parallelJobs + " at a time (nothing is run: --dry-run)");
        for (int i = 0; i < total; i++) {
            SweepJob job = plan.jobs().get(i);
            out.println("[" + (i + 1) + "/" + total + "] " + job.run().label() + " -> "
                    + layout.shown(layout.runDirectory(job.run())));
            if (!job.teachers().isEmpty()) {
                out.println("      after its teacher run" + (job.teachers().size() == 1 ? " " : "s ") + labels(job.teachers()));
            }
            if (!job.waitsFor().isEmpty()) {
                out.println("      after " + labels(job.waitsFor()) + ", which trains a teacher it shares");
            }
            out.println("      " + commandLine.shellCommand(job));
        }
        for (RunKey done : plan.alreadyDone()) {
            out.println("DONE  " + done.label() + " in " + layout.shown(layout.runDirectory(done)));
        }
        out.flush();
    }

    /** The line of a sweep whose runs are all DONE already. */
    public static void nothingToDo(PrintStream out, SweepPlan plan, SweepLayout layout) {
        out.println("nothing to do: all " + plan.alreadyDone().size() + " runs are DONE in "
                + layout.shown(layout.store().root()));
        out.flush();
    }

    private static String labels(List<RunKey> runs) {
        return runs.stream().map(RunKey::label).collect(Collectors.joining(", "));
    }
}

package org.distill4j.cli.sweep;

/** A stand-in for a sweep's job: watches its parent, then waits far longer than any test. */
public final class SweepParentProbe {

    public static void main(String[] arguments) throws InterruptedException {
        SweepParent.watch();
        System.out.println("watching");
        System.out.flush();
        Thread.sleep(120_000);
    }

    private SweepParentProbe() {
    }
}

package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.EpochRecord;
import org.distill4j.kernel.engine.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints training progress: a line per epoch, and within an epoch a status line at most every few seconds
 * (rewritten in place on a terminal, a new line otherwise so logs stay readable).
 */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastPrint;

    public ConsoleProgress(PrintStream out, String label, boolean terminal, double intervalSeconds) {
        this.out = Objects.requireNonNull(out, "out");
        this.label = Objects.requireNonNull(label, "label");
        this.terminal = terminal;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.lastPrint = System.nanoTime();
    }

    @Override
    public void batch(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond,
            double secondsLeft) {
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        String line = String.format(Locale.ROOT, "%s epoch %d/%d batch %d/%d loss %.4f %.0f img/s ETA %s",
                label, epoch, epochs, batch, batches, loss, imagesPerSecond, duration(secondsLeft));
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void epoch(EpochRecord record, int epochs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s epoch %d/%d loss %.4f train %.2f%%",
                label, record.epoch(), epochs, record.trainLoss(), 100 * record.trainAccuracy()));
        if (record.validationAccuracy() != null) {
            line.append(String.format(Locale.ROOT, " val %.2f%%", 100 * record.validationAccuracy()));
        }
        if (record.testAccuracy() != null) {
            line.append(String.format(Locale.ROOT, " test %.2f%%", 100 * record.testAccuracy()));
        }
        line.append(String.format(Locale.ROOT, " lr %.4g %.0f img/s %.1fs", record.learningRate(),
                record.imagesPerSecond(), record.seconds()));
        out.println((terminal ? "\r" : "") + line);
        out.flush();
        lastPrint = System.nanoTime();
    }

    static String duration(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        return total >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", total / 3600, total / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", total / 60, total % 60);
    }
}

package org.distill4j.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the driver tells the sweep, one protocol line a message, written whole even when job threads and Spark's
 * listener bus report at once:
 * <ul>
 *   <li>{@code slots <n>}: how many tasks the cluster runs at once, as far as the driver knows at its start;</li>
 *   <li>{@code running <id> <attempt> <executor>}: an attempt of a job's task started (attempts count from 1);</li>
 *   <li>{@code attempt-failed <id> <attempt> <executor> <reason>}: an attempt ended without a result (Spark retries
 *       it while the task has attempts left);</li>
 *   <li>{@code exit <id> <status>}: the job's JVM exited with this final status;</li>
 *   <li>{@code error <id> <message>}: the job could not run, or crashed on every attempt; an empty id for a request
 *       that could not be read or a pull that failed;</li>
 *   <li>{@code pulled <n>}: the answer to {@code pull <folder>}: the records of n more finished runs of the shared
 *       store are now in the sweep's results folder.</li>
 * </ul>
 */
public final class DriverOutput {

    private final PrintStream out;

    public DriverOutput(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    public void send(String verb, Object... fields) {
        List<String> line = new ArrayList<>();
        line.add(verb);
        for (Object field : fields) {
            line.add(String.valueOf(field));
        }
        String encoded = ProtocolLine.encode(line);
        synchronized (out) {
            out.println(encoded);
            out.flush();
        }
    }
}

package org.distill4j.cli.sweep;

import org.distill4j.kernel.run.RunStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs sweep jobs in-process without training: after a short pause a job writes its log and, unless it is told to
 * fail, its run's metrics and DONE, the way a real {@code distill4j run} would finish.
 */
final class FakeLauncher implements JobLauncher {

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Set<RunKey> failing = new HashSet<>();
    final Set<RunKey> exitWithoutDone = new HashSet<>();
    /** Jobs that end as the kernel's out-of-memory killer ends a process: SIGKILL, exit status 137. */
    final Set<RunKey> killed = new HashSet<>();
    final Set<RunKey> unstartable = new HashSet<>();
    private final SweepLayout layout;
    private final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    FakeLauncher(SweepLayout layout) {
        this.layout = layout;
    }

    @Override
    public CompletableFuture<Integer> start(SweepJob job, Path log) {
        if (unstartable.contains(job.run())) {
            throw new IllegalStateException("no java here");
        }
        events.add("start " + job.run());
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        return CompletableFuture.supplyAsync(() -> {
            pause();
            write(log, "training " + job.run().label() + "\nsomething broke: NaN loss\n");
            int exit = 0;
            if (failing.contains(job.run())) {
                exit = 1;
            } else if (killed.contains(job.run())) {
                exit = 137;
            } else if (!exitWithoutDone.contains(job.run())) {
                Path directory = layout.runDirectory(job.run());
                write(directory.resolve(RunStore.METRICS), "{\"test-accuracy\": 0.5}\n");
                write(directory.resolve(RunStore.DONE), "");
            }
            running.decrementAndGet();
            events.add("end " + job.run());
            return exit;
        });
    }

    private static void pause() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

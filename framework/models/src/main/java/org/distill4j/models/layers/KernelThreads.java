package org.distill4j.models.layers;

import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a fast layer's Java loop over the batch between as many threads as ND4J's native ops use (OMP_NUM_THREADS,
 * else the cores): the loops of {@link BatchNormKernel} ran on one core while the native ops use both, a quarter of a
 * ResNet's training step on this 2-core machine (issue 18). The caller runs the first part itself, daemon threads the
 * others. Small arrays stay on the caller's thread, where handing work over would cost more than it saves.
 *
 * <p>Each part writes only its own rows and its own partial sums; callers add the partial sums in part order, so a
 * result depends on the thread count but never on scheduling.
 */
final class KernelThreads {

    /** Fewer values than this run on one thread (a hand-over costs tens of microseconds). */
    static final int SMALLEST_PARALLEL_LENGTH = 1 << 16;

    private static final int THREADS = Math.max(1, Nd4j.getEnvironment().maxThreads());
    private static final ExecutorService WORKERS = THREADS == 1 ? null
            : Executors.newFixedThreadPool(THREADS - 1, work -> {
                Thread thread = new Thread(work, "distill4j-fast-layers");
                thread.setDaemon(true);
                return thread;
            });

    /** A body over the rows {@code [from, to)} of the batch, as part {@code part}. */
    @FunctionalInterface
    interface Rows {
        void run(int part, int from, int to);
    }

    private KernelThreads() {
    }

    /** How many parts {@link #forEach} splits {@code batch} rows of {@code length} values in all into. */
    static int parts(int batch, long length) {
        return length < SMALLEST_PARALLEL_LENGTH ? 1 : Math.min(THREADS, batch);
    }

    /** Runs {@code body} over {@code parts} contiguous ranges of {@code [0, batch)} and returns when all are done. */
    static void forEach(int batch, int parts, Rows body) {
        if (parts == 1) {
            body.run(0, 0, batch);
            return;
        }
        if (WORKERS == null) {
            // One thread: the parts one after the other, the same partial sums as with more threads.
            for (int part = 0; part < parts; part++) {
                body.run(part, from(batch, parts, part), from(batch, parts, part + 1));
            }
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int part = 1; part < parts; part++) {
            int index = part;
            others[part - 1] = WORKERS.submit(() -> body.run(index, from(batch, parts, index),
                    from(batch, parts, index + 1)));
        }
        body.run(0, 0, from(batch, parts, 1));
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a fast layer's threads worked", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
    }

    private static int from(int batch, int parts, int part) {
        return (int) ((long) batch * part / parts);
    }
}

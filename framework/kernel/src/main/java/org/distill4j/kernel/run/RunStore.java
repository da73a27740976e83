package org.distill4j.kernel.run;

import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The layout of the results directory: {@code <root>/<experiment-id>/<hash12>/seed-<n>/}. A run is finished when
 * its {@code DONE} file exists; DONE is written last, by atomic rename, so a directory without it is an interrupted
 * run that will be redone, and readers never see a partial result as finished.
 */
public final class RunStore {

    private static final ConcurrentMap<Path, ReentrantLock> LOCKS_IN_THIS_JVM = new ConcurrentHashMap<>();

    public static final String DONE = "DONE";
    public static final String RESOLVED = "resolved.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.json";
    public static final String EVENTS = "events.jsonl";
    public static final String DESCRIPTOR = "descriptor.yaml";
    public static final String MODEL = "model.zip";
    /** The uncommitted changes the run's code had over its commit, when it had any ({@link GitState#patch()}). */
    public static final String UNCOMMITTED_PATCH = "uncommitted.patch";
    /** The folder of a run's training checkpoints, one file a training, removed when the run is DONE. */
    public static final String CHECKPOINTS = "checkpoints";

    private final Path root;

    public RunStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path runDirectory(String experimentId, String hash12, long seed) {
        return root.resolve(experimentId).resolve(hash12).resolve("seed-" + seed);
    }

    public static boolean isDone(Path runDirectory) {
        return Files.isRegularFile(runDirectory.resolve(DONE));
    }

    /** Marks a run finished; everything else must already be written. */
    public static void markDone(Path runDirectory) {
        AtomicFiles.write(runDirectory.resolve(DONE), "");
    }

    /** Removes what an interrupted attempt left, keeping nothing but the directory itself. */
    public static void clear(Path runDirectory) {
        if (!Files.isDirectory(runDirectory)) {
            return;
        }
        // A run that resumes from its checkpoints keeps the event log of the epochs it does not train again.
        boolean resuming = Files.isDirectory(runDirectory.resolve(CHECKPOINTS));
        try (var entries = Files.list(runDirectory)) {
            for (Path entry : entries.toList()) {
                if (!Files.isDirectory(entry) && !(resuming && entry.getFileName().toString().equals(EVENTS))) {
                    Files.delete(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the interrupted run in " + runDirectory + ": " + FileErrors.describe(e), e);
        }
    }

    /**
     * The unfinished runs of the same experiment id and seed under other hashes that hold checkpoints: a run of the
     * descriptor before it was edited, which the current version cannot resume from.
     */
    public List<Path> checkpointsOfOtherVersions(String experimentId, String hash12, long seed) {
        Path experiment = root.resolve(experimentId);
        if (!Files.isDirectory(experiment)) {
            return List.of();
        }
        try (var hashes = Files.list(experiment)) {
            return hashes.filter(hash -> !hash.getFileName().toString().equals(hash12))
                    .map(hash -> hash.resolve("seed-" + seed))
                    .filter(run -> Files.isDirectory(run.resolve(CHECKPOINTS)) && !isDone(run))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Removes a run's training checkpoints (once it is DONE, or its model rebuilt). */
    public static void deleteCheckpoints(Path runDirectory) {
        Path checkpoints = runDirectory.resolve(CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        try (var entries = Files.list(checkpoints)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
            Files.delete(checkpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoints in " + checkpoints + ": "
                    + FileErrors.describe(e), e);
        }
    }

    /**
     * Takes the lock of a run so that two processes (a sweep's jobs sharing a teacher) never train it at once;
     * blocks until the other holder finishes. Threads of one JVM (the tests' in-process sweeps) wait on a lock of
     * their own first: the JVM holds file locks for the whole process, and a second {@code lock()} on the same file
     * from another thread throws instead of waiting.
     */
    public RunLock lock(Path runDirectory) {
        Path lockFile = runDirectory.resolveSibling(runDirectory.getFileName() + ".lock");
        ReentrantLock inThisJvm = LOCKS_IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                path -> new ReentrantLock());
        inThisJvm.lock();
        try {
            Files.createDirectories(runDirectory.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return new RunLock(inThisJvm, channel, lock);
        } catch (IOException | RuntimeException e) {
            inThisJvm.unlock();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock run " + runDirectory + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** A held run lock; closing releases it. */
    public static final class RunLock implements AutoCloseable {
        private final ReentrantLock inThisJvm;
        private final FileChannel channel;
        private final FileLock lock;

        RunLock(ReentrantLock inThisJvm, FileChannel channel, FileLock lock) {
            this.inThisJvm = inThisJvm;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release a run lock: " + FileErrors.describe(e), e);
            } finally {
                inThisJvm.unlock();
            }
        }
    }
}

package org.distill4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies a staged run's checkpoints to the shared store while it trains, so that a retry on another executor resumes
 * from the last epoch the store holds. A checkpoint file is written whole and renamed into place by the run engine,
 * so a file named {@code *.checkpoint} is always complete; it is uploaded when its size or time changes.
 */
final class CheckpointUploader implements AutoCloseable {

    private static final String SUFFIX = ".checkpoint";

    private final SharedResults shared;
    private final Path checkpoints;
    private final String run;
    private final Map<Path, String> uploaded = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "distill4j-checkpoint-upload");
        thread.setDaemon(true);
        return thread;
    });

    CheckpointUploader(SharedResults shared, Path stage, String run, long periodSeconds) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.run = Objects.requireNonNull(run, "run");
        this.checkpoints = stage.resolve(run).resolve(SharedResults.CHECKPOINTS);
        timer.scheduleWithFixedDelay(this::uploadQuietly, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** Uploads every checkpoint that changed since the last upload. */
    synchronized void upload() throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        List<Path> files;
        try (var listing = Files.list(checkpoints)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        for (Path file : files) {
            String version = Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
            if (!version.equals(uploaded.get(file))) {
                shared.put(file, run + "/" + SharedResults.CHECKPOINTS + "/" + file.getFileName());
                uploaded.put(file, version);
            }
        }
    }

    private void uploadQuietly() {
        try {
            upload();
        } catch (IOException | RuntimeException e) {
            // The next round tries again; the final upload when the run ends reports a lasting failure.
            System.err.println("distill4j: cannot upload the checkpoints of " + run + " yet: " + e);
        }
    }

    /** Stops the periodic uploads and makes a last one. */
    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        upload();
    }
}

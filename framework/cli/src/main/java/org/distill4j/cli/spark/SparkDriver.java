package org.distill4j.cli.spark;

import org.distill4j.cli.sweep.LogTail;
import org.distill4j.kernel.files.FileErrors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The sweep's Spark driver, a process of its own (spark-submit in client mode): jobs go to it as request lines on its
 * standard input, and its standard output reports their attempts and exits (org.distill4j.spark.DriverOutput). Its
 * standard error, Spark's log, goes to a log file. When the driver dies, every job still waiting fails with its exit
 * status and the log's last lines.
 */
public final class SparkDriver implements AutoCloseable {

    private static final int TAIL_LINES = 15;
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Writer input;
    private final Path log;
    private final Consumer<String> progress;
    private final CompletableFuture<Integer> slots = new CompletableFuture<>();
    // The pull in progress, if any: a driver error without a run id answers it.
    private volatile CompletableFuture<Integer> pulled = CompletableFuture.completedFuture(0);
    private final Map<String, CompletableFuture<Integer>> waiting = new ConcurrentHashMap<>();
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    // A sweep that is stopped (Ctrl-C) stops its Spark application, whose executors then stop the runs.
    private final Thread stopOnExit;

    private SparkDriver(Process process, Path log, Consumer<String> progress) {
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.log = log;
        this.progress = progress;
        this.stopOnExit = new Thread(process::destroy, "distill4j-spark-driver-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Thread reader = new Thread(this::read, "distill4j-spark-driver-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the driver.
     *
     * @param log      where Spark's log goes, appended to
     * @param progress takes the lines that tell of attempts (started where, failed why)
     */
    public static SparkDriver start(List<String> command, Path log, Consumer<String> progress) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "# " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new SparkDriver(process, log, Objects.requireNonNull(progress, "progress"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Spark driver " + command.get(0) + ": "
                    + FileErrors.describe(e), e);
        }
    }

    public Path log() {
        return log;
    }

    /**
     * How many runs the cluster takes at once, as the driver saw it when its Spark context started.
     *
     * @throws IllegalStateException when the driver did not start, with its log's last lines
     */
    public int slots(Duration timeout) {
        try {
            return slots.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Spark driver did not start within " + timeout.toSeconds() + " s"
                    + tail(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Spark driver started", e);
        }
    }

    /**
     * Copies the records of every run the shared store has finished into the sweep's results folder, so that the
     * sweep plans from them; returns how many runs came.
     *
     * @throws IllegalStateException when the driver cannot, saying why
     */
    public int pull(Path results, Duration timeout) {
        pulled = new CompletableFuture<>();
        try {
            synchronized (input) {
                input.write(ProtocolLine.encode(List.of("pull", results.toAbsolutePath().normalize().toString())));
                input.write('\n');
                input.flush();
            }
            return pulled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(ended(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Spark driver did not copy the shared store's runs within "
                    + timeout.toSeconds() + " s" + tail(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Spark driver copied the shared store's runs", e);
        }
    }

    /** Sends a run request; the future completes with the job's exit status, or fails with why it could not run. */
    public CompletableFuture<Integer> submit(String id, String label, String requestLine) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        if (!process.isAlive()) {
            return CompletableFuture.failedFuture(new IllegalStateException(ended()));
        }
        labels.put(id, label);
        waiting.put(id, exit);
        try {
            synchronized (input) {
                input.write(requestLine);
                input.write('\n');
                input.flush();
            }
        } catch (IOException e) {
            waiting.remove(id);
            return CompletableFuture.failedFuture(new IllegalStateException(ended(), e));
        }
        return exit;
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                handle(ProtocolLine.decode(line), line);
            }
        } catch (IOException | RuntimeException e) {
            progress.accept("spark: cannot read the driver's output: " + e.getMessage());
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IllegalStateException ended = new IllegalStateException(ended());
        slots.completeExceptionally(ended);
        pulled.completeExceptionally(ended);
        waiting.values().forEach(exit -> exit.completeExceptionally(ended));
        waiting.clear();
    }

    private void handle(List<String> fields, String line) {
        String verb = fields.get(0);
        switch (verb) {
            case "slots" -> slots.complete(Integer.parseInt(fields.get(1)));
            case "pulled" -> pulled.complete(Integer.parseInt(fields.get(1)));
            case "running" -> progress.accept("    spark: " + label(fields.get(1)) + ", attempt " + fields.get(2)
                    + " runs on executor " + fields.get(3));
            case "attempt-failed" -> progress.accept("    spark: " + label(fields.get(1)) + ", attempt "
                    + fields.get(2) + " on executor " + fields.get(3) + " failed: " + fields.get(4).replace("\n", " "));
            case "exit" -> finish(fields.get(1)).ifPresent(exit -> exit.complete(Integer.parseInt(fields.get(2))));
            case "error" -> {
                if (fields.get(1).isEmpty() && !pulled.isDone()) {
                    pulled.completeExceptionally(new IllegalStateException(fields.get(2)));
                } else if (fields.get(1).isEmpty()) {
                    progress.accept("spark: the driver refused a request: " + fields.get(2));
                } else {
                    finish(fields.get(1)).ifPresent(exit -> exit.completeExceptionally(
                            new IllegalStateException("Spark gave up on it: " + fields.get(2).replace("\n", " "))));
                }
            }
            default -> progress.accept("spark: unexpected line from the driver: " + line);
        }
    }

    private Optional<CompletableFuture<Integer>> finish(String id) {
        labels.remove(id);
        return Optional.ofNullable(waiting.remove(id));
    }

    private String label(String id) {
        return labels.getOrDefault(id, id);
    }

    private String ended() {
        String status = process.isAlive() ? "its input closed" : "exit status " + process.exitValue();
        return "the Spark driver ended (" + status + ")" + tail();
    }

    private String tail() {
        List<String> tail = LogTail.of(log, TAIL_LINES);
        return "; its log is " + log + (tail.isEmpty() ? "" : ", ending:\n    | " + String.join("\n    | ", tail));
    }

    /** Ends the Spark application once every job has ended: closes its input and waits for it to exit. */
    @Override
    public void close() {
        try {
            synchronized (input) {
                input.close();
            }
        } catch (IOException e) {
            // The driver is gone already.
        }
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs anyway, on a process that has ended.
        }
    }
}

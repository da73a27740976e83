package org.distill4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Spark application behind {@code distill4j sweep --engine spark}: the sweep plans and orders the runs, as it does
 * for local jobs, and sends each ready job to this driver on standard input; the driver runs it as a Spark job of one
 * task, named after the run, and answers on standard output (see {@link DriverOutput}). Jobs run concurrently, each
 * from its own thread; Spark's scheduler places them on free executor cores.
 *
 * <p>Started by spark-submit in client mode ({@code --class org.distill4j.spark.SparkSweepDriver}). The end of
 * standard input (the sweep finished, or died) cancels whatever still runs and stops the application.
 */
public final class SparkSweepDriver {

    private static final int MESSAGE_LINES = 6;
    /** The driver's setting that names a shared store behind a Hadoop URI (the sweep's --shared-results). */
    static final String SHARED_RESULTS = "spark.distill4j.shared-results";
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    private SparkSweepDriver() {
    }

    public static void main(String[] arguments) throws IOException {
        // Only protocol lines may reach standard output: whatever else prints there goes to standard error.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        DriverOutput output = new DriverOutput(protocol);
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.app.name")) {
            conf.setAppName("distill4j sweep");
        }
        Optional<String> store = Optional.ofNullable(conf.get(SHARED_RESULTS, null)).filter(uri -> !uri.isBlank());
        Map<String, String> hadoop = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> setting : conf.getAllWithPrefix(HADOOP_PREFIX)) {
            hadoop.put(setting._1(), setting._2());
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Optional<SharedResults> shared = store.isEmpty() ? Optional.empty()
                    : Optional.of(new SharedResults(store.get(), hadoop));
            spark.sc().addSparkListener(new SweepTaskListener(output));
            int taskCpus = conf.getInt("spark.task.cpus", 1);
            output.send("slots", Math.max(1, spark.defaultParallelism() / taskCpus));
            ExecutorService jobs = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "distill4j-sweep-job");
                thread.setDaemon(true);
                return thread;
            });
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = ProtocolLine.decode(line);
                if (fields.get(0).equals("pull") && fields.size() == 2) {
                    pullAll(shared, Path.of(fields.get(1)), output);
                    continue;
                }
                SweepTaskRequest request;
                try {
                    SweepTaskRequest read = SweepTaskRequest.fromLine(line);
                    request = shared.isEmpty() ? read : read.onStore(shared.get().uri(), hadoop);
                } catch (IllegalArgumentException e) {
                    output.send("error", "", e.getMessage());
                    continue;
                }
                jobs.submit(() -> run(spark, request, shared, output));
            }
            spark.cancelAllJobs();
            jobs.shutdownNow();
        }
    }

    private static void run(JavaSparkContext spark, SweepTaskRequest request, Optional<SharedResults> shared,
                            DriverOutput output) {
        // Thread-local job properties: the Spark UI lists the job under the run's name.
        spark.setJobGroup(request.id(), request.label(), true);
        spark.setCallSite("distill4j run " + request.label());
        long logOffset = 0;
        try {
            if (shared.isPresent()) {
                logOffset = shared.get().length(request.run() + ".log");
            }
            int status = spark.parallelize(List.of(request), 1).map(new SweepTask()).collect().get(0);
            if (shared.isPresent()) {
                pullRun(shared.get(), request, logOffset);
            }
            output.send("exit", request.id(), status);
        } catch (RuntimeException | IOException e) {
            if (shared.isPresent()) {
                try {
                    pullRun(shared.get(), request, logOffset);
                } catch (IOException | RuntimeException pull) {
                    e.addSuppressed(pull);
                }
            }
            output.send("error", request.id(), firstLines(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    // The sweep plans from its results folder: copy in the records of every run the shared store has finished.
    private static void pullAll(Optional<SharedResults> shared, Path mirror, DriverOutput output) {
        if (shared.isEmpty()) {
            output.send("error", "", "pull needs a shared store (" + SHARED_RESULTS + ")");
            return;
        }
        try {
            int pulled = 0;
            for (String run : shared.get().doneRuns()) {
                if (!Files.isRegularFile(mirror.resolve(run).resolve(SharedResults.DONE))) {
                    shared.get().fetch(run, mirror, false, false);
                    pulled++;
                }
            }
            output.send("pulled", pulled);
        } catch (IOException | RuntimeException e) {
            output.send("error", "", "cannot copy the finished runs of " + shared.get().uri() + " into " + mirror
                    + ": " + e);
        }
    }

    // After a job: its run's and its chain's records into the sweep's results folder, and what it logged this time.
    private static void pullRun(SharedResults shared, SweepTaskRequest request, long logOffset) throws IOException {
        Path mirror = Path.of(request.results());
        List<String> runs = new ArrayList<>(request.chain());
        runs.add(request.run());
        for (String run : runs) {
            if (shared.isDone(run) && !Files.isRegularFile(mirror.resolve(run).resolve(SharedResults.DONE))) {
                shared.fetch(run, mirror, false, false);
            }
        }
        shared.appendTo(request.run() + ".log", logOffset, Path.of(request.logFile()));
    }

    /** A message without its stack trace: Spark appends the executor's trace to a task failure's message. */
    static String firstLines(String message) {
        StringBuilder kept = new StringBuilder();
        int lines = 0;
        for (String line : message.split("\n")) {
            if (line.startsWith("\tat ") || line.startsWith("at ") || ++lines > MESSAGE_LINES) {
                break;
            }
            kept.append(kept.isEmpty() ? "" : "\n").append(line);
        }
        return kept.toString();
    }
}

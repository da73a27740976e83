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
import java.util.List;
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
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
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
                SweepTaskRequest request;
                try {
                    request = SweepTaskRequest.fromLine(line);
                } catch (IllegalArgumentException e) {
                    output.send("error", "", e.getMessage());
                    continue;
                }
                jobs.submit(() -> run(spark, request, output));
            }
            spark.cancelAllJobs();
            jobs.shutdownNow();
        }
    }

    private static void run(JavaSparkContext spark, SweepTaskRequest request, DriverOutput output) {
        // Thread-local job properties: the Spark UI lists the job under the run's name.
        spark.setJobGroup(request.id(), request.label(), true);
        spark.setCallSite("distill4j run " + request.label());
        try {
            int status = spark.parallelize(List.of(request), 1).map(new SweepTask()).collect().get(0);
            output.send("exit", request.id(), status);
        } catch (RuntimeException e) {
            output.send("error", request.id(), firstLines(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
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

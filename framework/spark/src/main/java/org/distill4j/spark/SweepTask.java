package org.distill4j.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one sweep job on an executor: starts its JVM with the executor's {@code java}, {@code OMP_NUM_THREADS} set to
 * the task's cores and {@code CUDA_VISIBLE_DEVICES} to its GPUs, and returns its exit status.
 *
 * <p>With a shared results folder (NFS, a mounted bucket) the job writes its run there, under the run store's lock,
 * checkpoint and DONE rules, as in a local sweep, and its output goes to its log there. With a shared store behind a
 * Hadoop URI the run is staged: the runs it reads and its own checkpoints are copied into a local folder, the job
 * trains there, its checkpoints are uploaded as they are written, and the finished run is published with DONE last
 * (see {@link SharedResults}).
 *
 * <p>A job that ends with status 0 (DONE), 1 (the run failed: divergence, a bad file) or 2 (an invalid descriptor)
 * has ended for good and its status is returned. Any other end (a signal, the kernel's out-of-memory killer, a native
 * crash) throws, so that Spark retries the task, and the retry resumes from the run's last checkpoint. The job
 * watches the executor's process and stops when it dies, so a lost executor leaves no orphan writing into a run that a
 * retry has taken over.
 */
public final class SweepTask implements Function<SweepTaskRequest, Integer> {

    /** The property by which a distill4j job watches its parent process (org.distill4j.cli.sweep.SweepParent). */
    static final String PARENT_PROPERTY = "distill4j.sweep.parent";
    static final String THREADS_VARIABLE = "OMP_NUM_THREADS";
    static final String GPUS_VARIABLE = "CUDA_VISIBLE_DEVICES";
    private static final long STOP_GRACE_SECONDS = 10;
    private static final long UPLOAD_PERIOD_SECONDS = 10;

    @Override
    public Integer call(SweepTaskRequest request) throws Exception {
        return request.sharedResults().isEmpty() ? runInPlace(request) : runStaged(request);
    }

    private static int runInPlace(SweepTaskRequest request) throws IOException, InterruptedException {
        Path log = Path.of(request.logFile());
        if (!Files.isDirectory(log.getParent())) {
            throw new IllegalStateException("the results folder of " + request.label() + " (" + log.getParent()
                    + ") is not visible on executor " + executor() + ": every executor must see the results folder"
                    + " at the same path (shared storage), or give the sweep a shared store with --shared-results"
                    + " (README 'Running on a cluster')");
        }
        return JobExit.of(runJob(request, request.command(), log)).outcome(request.label(), executor());
    }

    private static int runStaged(SweepTaskRequest request) throws IOException, InterruptedException {
        SharedResults shared = new SharedResults(request.sharedResults(), request.hadoop());
        if (shared.isDone(request.run())) {
            // Finished meanwhile (another sweep on the same store): nothing to do, as for a local DONE run.
            return JobExit.DONE;
        }
        Path stage = Files.createTempDirectory("distill4j-stage-");
        try {
            for (String needed : request.chain()) {
                if (shared.isDone(needed)) {
                    shared.fetch(needed, stage, true, false);
                }
            }
            shared.fetch(request.run(), stage, false, true);
            Path log = stage.resolve(request.run() + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = request.command().stream()
                    .map(argument -> argument.equals(request.results()) ? stage.toString() : argument).toList();
            int status;
            try (CheckpointUploader uploader = new CheckpointUploader(shared, stage, request.run(),
                    UPLOAD_PERIOD_SECONDS)) {
                status = runJob(request, command, log);
            } finally {
                shared.append(log, request.run() + ".log");
            }
            if (status == JobExit.DONE) {
                // The job's run, and a teacher it trained because the store had no finished one.
                for (String finished : concat(request.chain(), request.run())) {
                    if (Files.isRegularFile(stage.resolve(finished).resolve(SharedResults.DONE))
                            && !shared.isDone(finished)) {
                        shared.publish(finished, stage);
                    }
                }
            }
            return JobExit.of(status).outcome(request.label(), executor());
        } finally {
            delete(stage);
        }
    }

    private static int runJob(SweepTaskRequest request, List<String> jobCommand, Path log)
            throws IOException, InterruptedException {
        Optional<TaskContext> task = Optional.ofNullable(TaskContext.get());
        int threads = task.map(TaskContext::cpus).orElse(1);
        List<String> gpus = task.map(SweepTask::gpus).orElse(List.of());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        command.addAll(jobCommand);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Path directory = Path.of(request.workingDirectory());
        if (Files.isDirectory(directory)) {
            builder.directory(directory.toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.putAll(request.environment());
        environment.put(THREADS_VARIABLE, Integer.toString(threads));
        if (!gpus.isEmpty()) {
            environment.put(GPUS_VARIABLE, String.join(",", gpus));
        }
        Files.writeString(log, "# spark: attempt " + (task.map(TaskContext::attemptNumber).orElse(0) + 1)
                + " on executor " + executor() + ", " + THREADS_VARIABLE + "=" + threads
                + (gpus.isEmpty() ? "" : ", " + GPUS_VARIABLE + "=" + String.join(",", gpus)) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            // Spark cancels a task by interrupting it (the sweep was stopped).
            stop(process);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static List<String> concat(List<String> chain, String run) {
        List<String> all = new ArrayList<>(chain);
        all.add(run);
        return all;
    }

    private static List<String> gpus(TaskContext task) {
        ResourceInformation gpu = task.resourcesJMap().get("gpu");
        return gpu == null ? List.of() : List.of(gpu.addresses());
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException again) {
            process.destroyForcibly();
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // As Spark names it (the sweep's progress lines use the scheduler's host for the executor too).
    private static String executor() {
        SparkEnv environment = SparkEnv.get();
        if (environment == null) {
            return "?";
        }
        return environment.executorId() + " (" + environment.blockManager().blockManagerId().host() + ")";
    }
}

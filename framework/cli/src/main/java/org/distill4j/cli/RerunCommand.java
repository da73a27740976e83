package org.distill4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import org.distill4j.cli.sweep.RecordedRuns;
import org.distill4j.cli.sweep.RunDirectory;
import org.distill4j.cli.sweep.RunKey;
import org.distill4j.cli.sweep.TeacherRuns;
import org.distill4j.cli.sweep.ValueDifference;
import org.distill4j.kernel.descriptor.RecordedDescriptorReader;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.run.GitState;
import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunResult;
import org.distill4j.kernel.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs a finished run again from its {@code resolved.json} alone, into a fresh results folder, and checks that it
 * measures the same: the reproducibility check of a recorded result. The teacher's recorded run (records and model)
 * is copied into the fresh folder, so the rerun distils from the very teacher the recorded run used.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Run a finished run again from its resolved.json (not its descriptor, which may have changed)"
                + " into a fresh results folder, and compare the new metrics.json with the recorded one.",
                "Exit status: 0 when metrics.json is reproduced, 1 when it differs or the run cannot be rerun."})
public final class RerunCommand implements Callable<Integer> {

    private static final String THREADS = "OMP_NUM_THREADS";

    @Parameters(index = "0", paramLabel = "RUN", description = "a finished run directory (results/<experiment>/<hash12>/seed-<n>)")
    private Path run;

    @Option(names = "--results", converter = ResultsFolder.class, description = "where the rerun goes (default: a new temporary folder); must not"
            + " hold this run already")
    private Path results;

    @Option(names = "--recorded-code", paramLabel = "FOLDER", description = "rerun on the code the run was made from:"
            + " a git worktree of its commit at FOLDER (a new folder), with its uncommitted.patch applied when it has"
            + " one, where this rerun runs again")
    private Path recordedCode;

    @Inject
    private RecordedDescriptorReader reader;

    @Inject
    private ExperimentRunners runners;

    @Override
    public Integer call() throws IOException {
        RunDirectory recorded = RunDirectory.of(run);
        if (!RunStore.isDone(recorded.directory()) || !Files.isRegularFile(recorded.file(RunStore.METRICS))) {
            throw new IllegalArgumentException(run + " is not a finished run (no DONE or no metrics.json): rerun"
                    + " compares with the metrics of a finished run");
        }
        if (recordedCode != null) {
            return rerunOnRecordedCode(recorded);
        }
        noteTheRecordedCode(recorded);
        ResolvedExperiment experiment = new RecordedRuns(reader, recorded.store()).experimentOf(recorded).orElseThrow();
        RunStore fresh = freshStore(recorded, experiment);
        for (RunKey teacher : TeacherRuns.copy(experiment, recorded.seed(), recorded.store(), fresh)) {
            System.out.println("using the recorded teacher run " + teacher.label() + " (copied from "
                    + teacher.directory(recorded.store()) + ")");
        }
        warnAboutThreads(recorded);
        System.out.println("rerunning " + experiment.id() + " seed " + recorded.seed() + " (hash " + experiment.hash12()
                + ") from " + recorded.file(RunStore.RESOLVED));
        RunResult result = runners.into(fresh).run(experiment, recorded.seed());
        return compare(recorded.file(RunStore.METRICS), result.directory().resolve(RunStore.METRICS)) ? 0 : 1;
    }

    /**
     * A run made from other code than this checkout's (another commit, or uncommitted changes) may not reproduce
     * here; says so, with the commands that check out its code.
     */
    private static void noteTheRecordedCode(RunDirectory recorded) {
        RecordedCode code = recordedCode(recorded);
        String now = GitState.current().commit();
        if (code.commit().equals(now) && code.patch().isEmpty()) {
            return;
        }
        System.out.println("note: the run was made from " + code.commit()
                + code.patch().map(patch -> " with uncommitted changes (" + patch.getFileName() + ")").orElse("")
                + ", this checkout is at " + now + "; to rerun it on its own code, add --recorded-code FOLDER, or: "
                + code.commands(Path.of("").toAbsolutePath(), Path.of("FOLDER")));
    }

    private int rerunOnRecordedCode(RunDirectory recorded) throws IOException {
        RecordedCode code = recordedCode(recorded);
        Path folder = recordedCode.toAbsolutePath();
        code.checkOut(Path.of("").toAbsolutePath(), folder);
        System.out.println("checked out " + code.commit() + code.patch().map(patch -> " with " + patch).orElse("")
                + " at " + folder);
        List<String> command = new ArrayList<>(List.of(folder.resolve("scripts/distill4j").toString(), "rerun",
                recorded.directory().toAbsolutePath().toString()));
        if (results != null) {
            command.addAll(List.of("--results", results.toAbsolutePath().toString()));
        }
        try {
            return new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rerunning in " + folder, e);
        }
    }

    private static RecordedCode recordedCode(RunDirectory recorded) {
        Path provenance = recorded.file(RunStore.PROVENANCE);
        String commit = Files.isRegularFile(provenance)
                ? Json.read(provenance).path("git").path("commit").asText("unknown") : "unknown";
        return RecordedCode.of(recorded.directory(), commit);
    }

    private RunStore freshStore(RunDirectory recorded, ResolvedExperiment experiment) throws IOException {
        RunStore fresh = new RunStore(results != null ? results : Files.createTempDirectory("distill4j-rerun-"));
        if (fresh.root().equals(recorded.store().root())) {
            throw new IllegalArgumentException("--results " + results + " is the recorded run's own results folder;"
                    + " give a fresh folder (or leave --results out for a temporary one)");
        }
        Path target = fresh.runDirectory(experiment.id(), experiment.hash12(), recorded.seed());
        if (RunStore.isDone(target)) {
            throw new IllegalArgumentException(fresh.root() + " already holds this run (" + target + "), which would be"
                    + " reused instead of rerun; give a fresh folder with --results");
        }
        return fresh;
    }

    private static void warnAboutThreads(RunDirectory recorded) {
        Path provenance = recorded.file(RunStore.PROVENANCE);
        if (!Files.isRegularFile(provenance)) {
            return;
        }
        String then = Json.read(provenance).path("backend").path("omp-num-threads").asText("unset");
        String now = System.getenv().getOrDefault(THREADS, "unset");
        if (!then.equals(now)) {
            System.out.println("note: the run was recorded with " + THREADS + "=" + then + " and this rerun has " + now
                    + "; results are reproducible to the last digit only with the same thread count");
        }
    }

    private static boolean compare(Path recordedMetrics, Path newMetrics) {
        byte[] before = read(recordedMetrics);
        byte[] after = read(newMetrics);
        if (Arrays.equals(before, after)) {
            System.out.println("reproduced: metrics.json identical (" + newMetrics + ")");
            return true;
        }
        JsonNode recordedTree = Json.read(recordedMetrics);
        JsonNode newTree = Json.read(newMetrics);
        List<ValueDifference> differences = ValueDifference.between(recordedTree, newTree);
        if (differences.isEmpty()) {
            System.out.println("reproduced: metrics.json has the same values, written differently (" + newMetrics + ")");
            return true;
        }
        System.out.println("NOT reproduced: " + differences.size() + " value" + (differences.size() == 1 ? "" : "s")
                + " of metrics.json differ (recorded -> rerun, " + newMetrics + "):");
        differences.forEach(difference -> System.out.println("  " + difference.describe("recorded", "rerun")));
        return false;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + FileErrors.describe(e), e);
        }
    }
}

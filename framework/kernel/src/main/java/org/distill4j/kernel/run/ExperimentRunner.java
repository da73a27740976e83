package org.distill4j.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.models.graph.GraphNetworkFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one (descriptor, seed): trains or reuses its teacher, loads the data, builds the student, trains it with the
 * descriptor's objectives and writes the run directory, {@code DONE} last. A run that is already DONE is not
 * trained again.
 */
public final class ExperimentRunner {

    private final RunStore store;
    private final PrintStream out;
    private final RunPipeline pipeline;

    public ExperimentRunner(ComponentFactory components, ComponentRegistry registry, RunStore store, PrintStream out,
            boolean terminal) {
        this.store = store;
        this.out = out;
        TeacherLoader teachers = new TeacherLoader(store, (teacher, seed) -> run(teacher, seed, true));
        GitState git = GitState.current();
        this.pipeline = new RunPipeline(new RunComponents(components), teachers, new GraphNetworkFactory(),
                new RunRecorder(registry, git), new RunConsole(out, terminal), store.root(), git.identity());
    }

    public RunStore store() {
        return store;
    }

    /** The run of the experiment with this seed, trained now unless it is already DONE. */
    public RunResult run(ResolvedExperiment experiment, long seed) {
        return run(experiment, seed, false);
    }

    private RunResult run(ResolvedExperiment experiment, long seed, boolean needModel) {
        Path directory = store.runDirectory(experiment.id(), experiment.hash12(), seed);
        try (RunStore.RunLock lock = store.lock(directory)) {
            if (RunStore.isDone(directory)) {
                if (needModel && !Files.isRegularFile(directory.resolve(RunStore.MODEL))) {
                    rebuildModel(experiment, seed, directory);
                }
                return new RunResult(experiment.id(), seed, directory, true, Json.read(directory.resolve(RunStore.METRICS)));
            }
            RunStore.clear(directory);
            store.checkpointsOfOtherVersions(experiment.id(), experiment.hash12(), seed).forEach(other ->
                    out.println("   note: " + store.root().relativize(other) + " holds the checkpoints of an unfinished"
                            + " run of another version of this descriptor; the descriptor changed, so this run starts"
                            + " over and they are not used (delete that folder to free the space)"));
            JsonNode metrics = pipeline.train(experiment, seed, directory);
            RunStore.markDone(directory);
            RunStore.deleteCheckpoints(directory);
            return new RunResult(experiment.id(), seed, directory, false, metrics);
        }
    }

    /**
     * The records of a run are committed to git but its model file is not; a student that needs the model as its
     * teacher retrains it deterministically beside the records and checks that the metrics come out the same.
     */
    private void rebuildModel(ResolvedExperiment experiment, long seed, Path directory) {
        out.println("rebuilding the model of " + experiment.id() + " seed " + seed + " (its records are kept)");
        Path rebuild = directory.resolve("rebuild");
        try {
            Files.createDirectories(rebuild);
            RunStore.clear(rebuild);
            JsonNode metrics = pipeline.train(experiment, seed, rebuild);
            JsonNode recorded = Json.read(directory.resolve(RunStore.METRICS));
            if (!metrics.equals(recorded)) {
                out.println("WARNING: the rebuilt model of " + experiment.id() + " seed " + seed
                        + " does not reproduce its recorded metrics (other backend or thread count?); recorded test accuracy "
                        + recorded.path("test-accuracy") + ", rebuilt " + metrics.path("test-accuracy"));
                AtomicFiles.write(directory.resolve("model-rebuild.json"), Json.pretty(metrics));
            }
            AtomicFiles.move(rebuild.resolve(RunStore.MODEL), directory.resolve(RunStore.MODEL));
            RunStore.deleteCheckpoints(rebuild);
            RunStore.clear(rebuild);
            Files.delete(rebuild);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the model in " + rebuild + ": " + FileErrors.describe(e), e);
        }
    }

}

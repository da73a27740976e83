package org.distill4j.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.NetworkFactory;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.records.RunMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Trains one (descriptor, seed) into a run directory, stage by stage: load data, obtain the teacher, make the
 * student, align it, train its stages, evaluate, record. Each stage is a class of its own.
 */
final class RunPipeline {

    private final RunComponents components;
    private final TeacherLoader teachers;
    private final StudentMaker students;
    private final RunRecorder recorder;
    private final RunConsole console;
    private final Path resultsRoot;
    private final String code;

    /** @param code the code's identity ({@link GitState#identity()}): a training checkpoint of other code is not used */
    RunPipeline(RunComponents components, TeacherLoader teachers, NetworkFactory networks, RunRecorder recorder,
            RunConsole console, Path resultsRoot, String code) {
        this.components = components;
        this.teachers = teachers;
        this.students = new StudentMaker(components, teachers, networks, console.out());
        this.recorder = recorder;
        this.console = console;
        this.resultsRoot = resultsRoot;
        this.code = code;
    }

    /** Writes every record of the run into {@code directory} and returns its metrics; the caller marks it DONE. */
    JsonNode train(ResolvedExperiment experiment, long seed, Path directory) {
        Instant started = Instant.now();
        announce(experiment, seed, directory);
        RunData data = RunData.load(experiment, seed, components);
        students.checkAligner(experiment, data.training());
        Optional<LoadedTeacher> teacher = experiment.teacher().map(choice -> teachers.load(choice, seed));
        RunObjectives objectives = RunObjectives.of(experiment, components);
        StudentTraining training = new StudentTraining(experiment, objectives, teacher, data.training(), seed,
                directory, components, console, code);
        // Compression and alignment happen here: a compressed student is made from the teacher, then aligned to it.
        MadeStudent student = students.make(experiment, data.training(), teacher, seed, training::retrain);
        RunEvaluation evaluation = new RunEvaluation(experiment, seed, data, teacher, console.out());
        if (experiment.training().isEmpty()) {
            TrainableGraph network = TrainableGraph.of(student.weights().orElseThrow().graph());
            RunMetrics metrics = evaluation.untrained(student, network);
            return recorder.record(experiment, seed, directory, started, network, data.training(), teacher, metrics,
                    student, 0);
        }
        TrainedStudent trained = training.train(student);
        RunMetrics metrics = evaluation.trained(student, trained);
        return recorder.record(experiment, seed, directory, started, trained.network(), data.training(), teacher,
                metrics, student, trained.seconds());
    }

    private void announce(ResolvedExperiment experiment, long seed, Path directory) {
        console.out().println("== " + experiment.id() + " seed " + seed
                + (experiment.profile().isEmpty() ? "" : " [" + experiment.profile() + "]")
                + " -> " + resultsRoot.relativize(directory.toAbsolutePath()));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + FileErrors.describe(e), e);
        }
    }
}

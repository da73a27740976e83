package org.distill4j.kernel.run;

import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.engine.Accuracy;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.distill4j.kernel.records.RunMetrics;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The evaluate stage of a run: the student's (and teacher's) metrics for {@code metrics.json}, and the line that
 * reports them on the console.
 */
final class RunEvaluation {

    private final ResolvedExperiment experiment;
    private final long seed;
    private final RunData data;
    private final Optional<LoadedTeacher> teacher;
    private final PrintStream out;
    // Measured once, before the student trains: the teacher is not updated by the run.
    private final Double teacherAccuracy;

    RunEvaluation(ResolvedExperiment experiment, long seed, RunData data, Optional<LoadedTeacher> teacher,
            PrintStream out) {
        this.experiment = experiment;
        this.seed = seed;
        this.data = data;
        this.teacher = teacher;
        this.out = out;
        Dataset training = data.training();
        this.teacherAccuracy = teacher.isEmpty() || training.test().size() == 0 ? null
                : Accuracy.of(teacher.get().network(), training.test());
    }

    /** A compressed student evaluated as the compressor and aligner left it. */
    RunMetrics untrained(MadeStudent student, TrainableGraph network) {
        double testAccuracy = Accuracy.of(network, data.training().test());
        double validationAccuracy = Accuracy.of(network, data.training().validation());
        out.printf(Locale.ROOT, "   test accuracy %.2f%% (no training); teacher %.2f%%%n", 100 * testAccuracy,
                100 * teacherAccuracy);
        return RunRecords.untrainedMetrics(experiment, seed, student.spec(), testAccuracy, validationAccuracy,
                teacher.orElseThrow(), teacherAccuracy, student.origin());
    }

    /** A trained student: its selected epoch's accuracies, its history, and retrieval metrics for a retrieval task. */
    RunMetrics trained(MadeStudent student, TrainedStudent trained) {
        TrainingOutcome outcome = trained.outcome();
        RunMetrics metrics = RunRecords.metrics(experiment, seed, student.spec(), outcome, trained.stages(),
                teacher.orElse(null), teacherAccuracy, student.origin());
        String selected = String.format(Locale.ROOT, "epoch %d, %s", outcome.selectedEpoch(),
                experiment.training().orElseThrow().select().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (data.retrieval().isPresent()) {
            return RetrievalReport.record(experiment.retrieval().orElseThrow(), data.retrieval().get(),
                    trained.network(), teacher.map(LoadedTeacher::network), metrics, out, selected);
        } else {
            out.printf(Locale.ROOT, "   test accuracy %.2f%% (%s)%s%n", 100 * outcome.testAccuracy(), selected,
                    teacherAccuracy == null ? "" : String.format(Locale.ROOT, "; teacher %.2f%%", 100 * teacherAccuracy));
        }
        return metrics;
    }
}

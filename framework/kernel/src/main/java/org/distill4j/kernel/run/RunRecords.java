package org.distill4j.kernel.run;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.engine.EpochRecord;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.distill4j.kernel.records.History;
import org.distill4j.kernel.records.RunMetrics;
import org.distill4j.kernel.records.RunProvenance;
import org.distill4j.kernel.records.StageMetrics;
import org.distill4j.kernel.records.StudentSize;
import org.distill4j.kernel.records.TeacherMetrics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The content of a run's {@code metrics.json} and {@code provenance.json}. Metrics hold only what the same seed
 * reproduces exactly (accuracies, losses, sizes); everything that varies between identical runs (times, paths, the
 * machine) is provenance.
 */
final class RunRecords {

    /** The metrics of a trained student, with the sections of how it was made. */
    static RunMetrics metrics(ResolvedExperiment experiment, long seed, NetworkSpec spec, TrainingOutcome outcome,
            List<StageOutcome> stages, LoadedTeacher teacher, Double teacherAccuracy, StudentOrigin origin) {
        // The history is the main training's, so that accuracy-vs-epoch plots compare it across rows; the earlier
        // stages (a hint or FSP stage) are recorded beside it, only when there are any.
        List<StageMetrics> stageMetrics = stages.stream().map(stage -> new StageMetrics(stage.name(),
                stage.outcome().epochs().size(), finalTrainLoss(stage.outcome()), history(stage.outcome()))).toList();
        return new RunMetrics(experiment.id(), experiment.hash(), seed, outcome.testAccuracy(),
                nullIfNaN(outcome.validationAccuracy()), outcome.selectedEpoch(), outcome.epochs().size(),
                finalTrainLoss(outcome), StudentSize.of(spec), teacherMetrics(teacher, teacherAccuracy),
                history(outcome), stageMetrics.isEmpty() ? null : stageMetrics, origin.compression(),
                origin.alignment(), origin.source(), null);
    }

    /**
     * The metrics of a compressed student evaluated without training: its accuracies as the compressor (and aligner)
     * left it, and their sections.
     */
    static RunMetrics untrainedMetrics(ResolvedExperiment experiment, long seed, NetworkSpec spec,
            double testAccuracy, double validationAccuracy, LoadedTeacher teacher, Double teacherAccuracy,
            StudentOrigin origin) {
        return new RunMetrics(experiment.id(), experiment.hash(), seed, testAccuracy, nullIfNaN(validationAccuracy),
                null, 0, null, StudentSize.of(spec), teacherMetrics(teacher, teacherAccuracy), null, null,
                origin.compression(), origin.alignment(), origin.source(), null);
    }

    private static TeacherMetrics teacherMetrics(LoadedTeacher teacher, Double teacherAccuracy) {
        return teacher == null ? null : TeacherMetrics.of(teacher.identity(), teacherAccuracy);
    }

    private static double finalTrainLoss(TrainingOutcome outcome) {
        return outcome.epochs().get(outcome.epochs().size() - 1).trainLoss();
    }

    private static History history(TrainingOutcome outcome) {
        List<EpochRecord> epochs = outcome.epochs();
        return new History(epochs.stream().map(epoch -> (Double) epoch.trainLoss()).toList(),
                epochs.stream().map(epoch -> (Double) epoch.trainAccuracy()).toList(),
                epochs.stream().map(EpochRecord::validationAccuracy).toList(),
                epochs.stream().map(EpochRecord::testAccuracy).toList());
    }

    /**
     * @param seconds         the run's training, compression and alignment time
     * @param trainingSeconds the student's training time, part of a compressed student's recovery time
     */
    static RunProvenance provenance(ResolvedExperiment experiment, long seed, GitState git, Path directory,
            List<Distill4jPlugin> plugins, Dataset data, LoadedTeacher teacher, String modelSha256, Instant started,
            double seconds, StudentOrigin origin, double trainingSeconds) {
        // A compressed student's recovery is its alignment and its training together.
        Double recoverySeconds = origin.compressed()
                ? (origin.alignmentSeconds() == null ? 0.0 : origin.alignmentSeconds()) + trainingSeconds : null;
        return new RunProvenance(experiment.id(), experiment.profile(), experiment.hash(), seed,
                experiment.overrides().stream().map(DescriptorOverride::toString).toList(),
                new RunProvenance.DescriptorFile(experiment.source().toString(),
                        AtomicFiles.sha256(experiment.source())),
                gitCommit(git, directory), Provenance.plugins(plugins),
                Provenance.backend(), Provenance.machine(), Provenance.data(data),
                teacher == null ? null : teacher.provenance(), modelSha256, started.toString(),
                Instant.now().toString(), seconds, origin.compressionSeconds(), origin.alignmentSeconds(),
                recoverySeconds, origin.sourceProvenance());
    }

    /** The commit, and for a dirty tree the patch file the recorder wrote beside the records, with its hash. */
    private static RunProvenance.GitCommit gitCommit(GitState git, Path directory) {
        if (!git.dirty()) {
            return new RunProvenance.GitCommit(git.commit(), false, null, null);
        }
        return new RunProvenance.GitCommit(git.commit(), true, RunStore.UNCOMMITTED_PATCH,
                AtomicFiles.sha256(directory.resolve(RunStore.UNCOMMITTED_PATCH)));
    }

    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private RunRecords() {
    }
}

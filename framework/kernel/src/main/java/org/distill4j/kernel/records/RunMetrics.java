package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code metrics.json}: only what the same seed reproduces exactly (accuracies, losses, sizes); everything that
 * varies between identical runs (times, paths, the machine) is in {@link RunProvenance}.
 *
 * @param testAccuracy       the selected epoch's test accuracy; null when the split has no test images
 * @param validationAccuracy null without a validation split
 * @param selectedEpoch      the epoch the run reports, from 1; absent for a student that was not trained
 * @param epochs             the main training's epochs, 0 for a student that was not trained
 * @param finalTrainLoss     the last epoch's mean training loss; absent without training
 * @param teacher            absent without a teacher
 * @param history            the main training's per-epoch values (accuracy-vs-epoch plots compare it across runs);
 *                           absent without training
 * @param stages             the earlier stages, when there are any
 * @param compression        for a compressed student
 * @param alignment          for a compressed student an aligner recovered
 * @param studentSource      for a student a derived family designed
 * @param retrieval          for a retrieval task
 */
public record RunMetrics(String experiment, String hash, long seed, Double testAccuracy, Double validationAccuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer selectedEpoch,
        int epochs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double finalTrainLoss,
        StudentSize student,
        @JsonInclude(JsonInclude.Include.NON_NULL) TeacherMetrics teacher,
        @JsonInclude(JsonInclude.Include.NON_NULL) History history,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StageMetrics> stages,
        @JsonInclude(JsonInclude.Include.NON_NULL) CompressionMetrics compression,
        @JsonInclude(JsonInclude.Include.NON_NULL) AlignmentMetrics alignment,
        @JsonInclude(JsonInclude.Include.NON_NULL) SourceMetrics studentSource,
        @JsonInclude(JsonInclude.Include.NON_NULL) RetrievalSection retrieval) {

    /** The same metrics with a retrieval section, and the teacher's scores in its section. */
    public RunMetrics withRetrieval(RetrievalSection student, RetrievalSection teacherScores) {
        TeacherMetrics withScores = teacher == null || teacherScores == null ? teacher
                : teacher.withRetrieval(teacherScores);
        return new RunMetrics(experiment, hash, seed, testAccuracy, validationAccuracy, selectedEpoch, epochs,
                finalTrainLoss, this.student, withScores, history, stages, compression, alignment, studentSource,
                student);
    }
}

package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.records.RetrievalScores;
import org.distill4j.kernel.records.RetrievalSection;
import org.distill4j.kernel.records.RunMetrics;
import org.distill4j.kernel.retrieval.Retrieval;
import org.distill4j.kernel.retrieval.RetrievalData;
import org.distill4j.kernel.retrieval.RetrievalEvaluation;
import org.distill4j.kernel.retrieval.RetrievalMetrics;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The retrieval metrics of a trained student (and its teacher) in {@code metrics.json}: {@code retrieval.test} among
 * the test images of the classes no network trained on, the published number, and {@code retrieval.validation}
 * among the held-out images of the training classes, which may select models; the teacher's under
 * {@code teacher.retrieval.test}.
 */
final class RetrievalReport {

    private RetrievalReport() {
    }

    /** The metrics with the student's retrieval section, and the teacher's in its section. */
    static RunMetrics record(Retrieval task, RetrievalData data, TrainableGraph student, Optional<TrainableGraph> teacher,
            RunMetrics metrics, PrintStream out, String selected) {
        RetrievalMetrics.Result test = RetrievalEvaluation.of(student, data.gallery(), task);
        RetrievalScores validation = data.training().validation().size() == 0 ? null
                : RetrievalEvaluation.of(student, data.training().validation(), task).scores();
        RetrievalMetrics.Result teacherTest = teacher.map(network -> RetrievalEvaluation.of(network, data.gallery(),
                task)).orElse(null);
        out.printf(Locale.ROOT, "   retrieval among %d test images of classes %s: %s (%s)%s%n", test.queries(),
                data.retrievedClasses(), text(test), selected, teacherTest == null ? "" : "; teacher " + text(teacherTest));
        return metrics.withRetrieval(new RetrievalSection(test.scores(), validation),
                teacherTest == null ? null : new RetrievalSection(teacherTest.scores(), null));
    }

    private static String text(RetrievalMetrics.Result result) {
        StringBuilder text = new StringBuilder();
        result.recall().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text.append(
                String.format(Locale.ROOT, "R@%d %.2f%%, ", entry.getKey(), 100 * entry.getValue())));
        return text.append(String.format(Locale.ROOT, "mAP %.2f%%", 100 * result.meanAveragePrecision())).toString();
    }
}

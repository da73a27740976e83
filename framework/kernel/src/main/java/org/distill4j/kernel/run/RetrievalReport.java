package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.retrieval.Retrieval;
import org.distill4j.kernel.retrieval.RetrievalData;
import org.distill4j.kernel.retrieval.RetrievalEvaluation;
import org.distill4j.kernel.retrieval.RetrievalMetrics;

import java.io.PrintStream;
import java.util.LinkedHashMap;
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

    @SuppressWarnings("unchecked")
    static void record(Retrieval task, RetrievalData data, TrainableGraph student, Optional<TrainableGraph> teacher,
            Map<String, Object> metrics, PrintStream out, String selected) {
        RetrievalMetrics.Result test = RetrievalEvaluation.of(student, data.gallery(), task);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("test", test.asMetrics(task.recallAt()));
        if (data.training().validation().size() > 0) {
            section.put("validation", RetrievalEvaluation.of(student, data.training().validation(), task)
                    .asMetrics(task.recallAt()));
        }
        metrics.put("retrieval", section);
        String teacherText = "";
        if (teacher.isPresent()) {
            RetrievalMetrics.Result teacherTest = RetrievalEvaluation.of(teacher.get(), data.gallery(), task);
            ((Map<String, Object>) metrics.get("teacher")).put("retrieval",
                    Map.of("test", teacherTest.asMetrics(task.recallAt())));
            teacherText = "; teacher " + text(teacherTest);
        }
        out.printf(Locale.ROOT, "   retrieval among %d test images of classes %s: %s (%s)%s%n", test.queries(),
                data.retrievedClasses(), text(test), selected, teacherText);
    }

    private static String text(RetrievalMetrics.Result result) {
        StringBuilder text = new StringBuilder();
        result.recall().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text.append(
                String.format(Locale.ROOT, "R@%d %.2f%%, ", entry.getKey(), 100 * entry.getValue())));
        return text.append(String.format(Locale.ROOT, "mAP %.2f%%", 100 * result.meanAveragePrecision())).toString();
    }
}

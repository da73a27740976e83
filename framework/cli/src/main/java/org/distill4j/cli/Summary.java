package org.distill4j.cli;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.run.RunResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of a {@code run} command, one line per experiment, mean and standard deviation over its seeds. */
final class Summary {

    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, List<RunResult>> runs = new LinkedHashMap<>();

    void add(ResolvedExperiment experiment, RunResult result) {
        titles.putIfAbsent(experiment.id(), experiment.title());
        runs.computeIfAbsent(experiment.id(), id -> new ArrayList<>()).add(result);
    }

    void print(PrintStream out) {
        if (runs.isEmpty()) {
            out.println("no runs selected");
            return;
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-34s %3s  %-16s %-16s  %s", "experiment", "n", "test accuracy %",
                "teacher test %", "title"));
        for (Map.Entry<String, List<RunResult>> entry : runs.entrySet()) {
            // A retrieval task has no test accuracy (its test classes are not the classifier's): show Recall@1.
            boolean retrieval = entry.getValue().stream().anyMatch(RunResult::retrieval);
            String unit = retrieval ? " R@1" : "";
            List<Double> student = entry.getValue().stream()
                    .map(run -> retrieval ? run.testRecallAtOne() : run.testAccuracy()).toList();
            List<Double> teacher = entry.getValue().stream()
                    .map(run -> retrieval ? run.teacherTestRecallAtOne() : run.teacherTestAccuracy())
                    .filter(value -> !Double.isNaN(value)).toList();
            out.println(String.format(Locale.ROOT, "%-34s %3d  %-16s %-16s  %s", entry.getKey(), student.size(),
                    meanAndDeviation(student) + unit, teacher.isEmpty() ? "-" : meanAndDeviation(teacher) + unit,
                    titles.get(entry.getKey())));
        }
    }

    static String meanAndDeviation(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (values.size() < 2) {
            return String.format(Locale.ROOT, "%.2f", 100 * mean);
        }
        double variance = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / (values.size() - 1);
        return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean, 100 * Math.sqrt(variance));
    }
}

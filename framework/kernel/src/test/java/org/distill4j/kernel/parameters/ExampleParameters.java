package org.distill4j.kernel.parameters;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.List;

/** Parameter records of every supported shape, for the binder tests. */
final class ExampleParameters {

    enum Mode { PAPER, CODE, BEST_VALIDATION }

    record Layer(
            @Parameter(description = "units") @Range(min = 1) int width,
            @Parameter(description = "drop probability", defaultValue = "0") @Range(min = 0, max = 1, maxExclusive = true)
            double dropout) {
    }

    record Everything(
            @Parameter(description = "softmax temperature", defaultValue = "4") @Range(min = 0, minExclusive = true)
            double temperature,
            @Parameter(description = "L2 penalty", defaultValue = "0.0005") double weightDecay,
            @Parameter(description = "passes over the data") @Range(min = 1) int epochs,
            @Parameter(description = "hidden widths", defaultValue = "[1200, 1200]") @Range(min = 1) List<Integer> hidden,
            @Parameter(description = "whose recipe", defaultValue = "paper") Mode mode,
            @Parameter(description = "talk more", defaultValue = "false") boolean verbose,
            @Parameter(description = "steps", defaultValue = "10000000000") long steps,
            @Parameter(description = "a note", defaultValue = Parameter.ABSENT) String note,
            @Parameter(description = "where data lives", defaultValue = "data", path = true) String directory,
            @Parameter(description = "extra layers", defaultValue = "[]") List<Layer> layers,
            @Parameter(description = "the classifier head", defaultValue = "{width: 10}") Layer head) {
    }

    record Interval(
            @Parameter(description = "lower end") int min,
            @Parameter(description = "upper end") int max) {
        Interval {
            if (min > max) {
                throw new IllegalArgumentException("min (" + min + ") must not exceed max (" + max + ")");
            }
        }
    }

    record Files(
            @Parameter(description = "model file", path = true) String model,
            @Parameter(description = "more files", defaultValue = "[]", path = true) List<String> more,
            @Parameter(description = "a label", defaultValue = "'${NOT_EXPANDED}'") String label) {
    }

    record BadDefault(
            @Parameter(description = "count", defaultValue = "-1") @Range(min = 0) int count) {
    }

    record UnparsableDefault(
            @Parameter(description = "list", defaultValue = "[1, 2") List<Integer> values) {
    }

    record Unsupported(@Parameter(description = "a float") float value) {
    }

    record PrimitiveAbsent(@Parameter(description = "count", defaultValue = Parameter.ABSENT) int count) {
    }

    record Optional(@Parameter(description = "count", defaultValue = Parameter.ABSENT) Integer count) {
    }

    private ExampleParameters() {
    }
}

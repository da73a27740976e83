package org.distill4j.plugin.metriclearning;

import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.engine.LossValue;
import org.distill4j.testkit.EmbeddingDistances;
import org.distill4j.testkit.LossChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.metriclearning.MetricLearningTripletMining.BATCH_ALL;
import static org.distill4j.plugin.metriclearning.MetricLearningTripletMining.BATCH_HARD;

class MetricLearningTripletDistillerTest {

    private static final double[][] EMBEDDINGS = {
            {0.9, 0.1, -0.3}, {0.2, 1.1, 0.4}, {-0.7, 0.3, 0.8}, {0.5, -0.6, 0.2}, {-0.1, -0.9, -0.5},
            {1.2, 0.7, 0.1}, {0.3, 0.2, 0.9}};
    /** Class 3 has a single sample (6), an anchor without positive; 6 still serves as everyone's negative. */
    private static final int[] LABELS = {0, 1, 0, 2, 1, 2, 3};
    private static final int CLASSES = 4;

    @Test
    void batchHardMatchesBruteForce() {
        for (double margin : new double[] {0.2, 1.0}) {
            LossValue value = check(margin, BATCH_HARD).evaluate(embeddings(EMBEDDINGS), Map.of(), LABELS);

            double expected = batchHard(EMBEDDINGS, LABELS, margin);
            assertThat(expected).isPositive();
            assertThat(value.loss()).as("margin %s", margin).isCloseTo(expected, within(1e-10));
            assertThat(value.terms()).containsOnlyKeys("triplet");
        }
    }

    @Test
    void batchAllMatchesBruteForce() {
        for (double margin : new double[] {0.2, 1.0}) {
            LossValue value = check(margin, BATCH_ALL).evaluate(embeddings(EMBEDDINGS), Map.of(), LABELS);

            double expected = batchAll(EMBEDDINGS, LABELS, margin);
            assertThat(expected).isPositive();
            assertThat(value.loss()).as("margin %s", margin).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (MetricLearningTripletMining mining : MetricLearningTripletMining.values()) {
            double error = check(0.5, mining).maxRelativeGradientError(embeddings(EMBEDDINGS), Map.of(), LABELS, 1e-6,
                    1e-9);
            assertThat(error).as("%s", mining).isLessThan(1e-6);
        }
    }

    @Test
    void aBatchWithoutValidTripletsGivesZeroLoss() {
        // One class only (no negatives), then all classes different (no positives), then a single sample.
        int[][] labelSets = {{1, 1, 1, 1}, {0, 1, 2, 3}, {2}};
        for (MetricLearningTripletMining mining : MetricLearningTripletMining.values()) {
            for (int[] labels : labelSets) {
                double[][] batch = Arrays.copyOf(EMBEDDINGS, labels.length);
                LossValue value = check(0.2, mining).evaluate(embeddings(batch), Map.of(), labels);

                assertThat(value.loss()).as("%s %s", mining, Arrays.toString(labels)).isZero();
                assertThat(value.gradients().get("embedding").isNaN().any()).isFalse();
                assertThat(value.gradients().get("embedding").amaxNumber().doubleValue()).isZero();
            }
        }
    }

    @Test
    void anchorsWithoutAPositiveAreLeftOutOfTheMean() {
        // Sample 6 is alone in its class; the mean runs over the other six anchors.
        double withLoner = check(0.2, BATCH_HARD).evaluate(embeddings(EMBEDDINGS), Map.of(), LABELS).loss();
        double[][] withoutLoner = Arrays.copyOf(EMBEDDINGS, 6);
        int[] labels = Arrays.copyOf(LABELS, 6);

        assertThat(withLoner).isCloseTo(batchHard(EMBEDDINGS, LABELS, 0.2), within(1e-10));
        assertThat(batchHard(withoutLoner, labels, 0.2)).isNotCloseTo(withLoner, within(1e-6));
    }

    @Test
    void theEmbeddingIsNormalisedFirst() {
        double[][] scaled = new double[EMBEDDINGS.length][];
        for (int b = 0; b < EMBEDDINGS.length; b++) {
            scaled[b] = new double[EMBEDDINGS[b].length];
            for (int i = 0; i < EMBEDDINGS[b].length; i++) {
                scaled[b][i] = EMBEDDINGS[b][i] * (b + 1) * 3;
            }
        }
        LossChecks check = check(0.2, BATCH_ALL);

        assertThat(check.evaluate(embeddings(scaled), Map.of(), LABELS).loss())
                .isCloseTo(check.evaluate(embeddings(EMBEDDINGS), Map.of(), LABELS).loss(), within(1e-12));
    }

    private static LossChecks check(double margin, MetricLearningTripletMining mining) {
        return LossChecks.of(new MetricLearningTripletDistiller(new MetricLearningTripletParams(margin, mining,
                "embedding")), Map.of("embedding", TensorShape.vector(3)), Map.of(), CLASSES);
    }

    private static Map<String, INDArray> embeddings(double[][] values) {
        return Map.of("embedding", Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }

    /** Independent slow reference: per anchor the farthest positive and the nearest negative, loops only. */
    private static double batchHard(double[][] embeddings, int[] labels, double margin) {
        double[][] distances = distances(embeddings);
        double total = 0;
        int anchors = 0;
        for (int a = 0; a < labels.length; a++) {
            double farthestPositive = Double.NEGATIVE_INFINITY;
            double nearestNegative = Double.POSITIVE_INFINITY;
            for (int b = 0; b < labels.length; b++) {
                if (b != a && labels[b] == labels[a]) {
                    farthestPositive = Math.max(farthestPositive, distances[a][b]);
                } else if (labels[b] != labels[a]) {
                    nearestNegative = Math.min(nearestNegative, distances[a][b]);
                }
            }
            if (farthestPositive > Double.NEGATIVE_INFINITY && nearestNegative < Double.POSITIVE_INFINITY) {
                total += Math.max(0, farthestPositive - nearestNegative + margin);
                anchors++;
            }
        }
        return total / Math.max(anchors, 1);
    }

    /** Independent slow reference: the mean hinge over every (anchor, positive, negative). */
    private static double batchAll(double[][] embeddings, int[] labels, double margin) {
        double[][] distances = distances(embeddings);
        double total = 0;
        int triplets = 0;
        for (int a = 0; a < labels.length; a++) {
            for (int p = 0; p < labels.length; p++) {
                for (int n = 0; n < labels.length; n++) {
                    if (p != a && labels[p] == labels[a] && labels[n] != labels[a]) {
                        total += Math.max(0, distances[a][p] - distances[a][n] + margin);
                        triplets++;
                    }
                }
            }
        }
        return total / Math.max(triplets, 1);
    }

    private static double[][] distances(double[][] embeddings) {
        return EmbeddingDistances.of(embeddings);
    }
}

package org.distill4j.kernel.retrieval;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RetrievalMetricsTest {

    @Test
    void aHandWorkedExample() {
        // Four unit vectors at angles 0, 10, 100 and 110 degrees; classes a, b, a, b.
        double[] degrees = {0, 10, 100, 110};
        int[] labels = {0, 1, 0, 1};
        RetrievalMetrics.Result result = RetrievalMetrics.of(Nd4j.create(unitVectors(degrees)), labels, List.of(1, 2));

        // Ranks of the class-mate: from 0 it is second (after 10), from 10 third (after 0 and 100), from 100 third
        // (after 110 and 10), from 110 second (after 100). Recall@1 = 0, Recall@2 = 1/2, mAP = (1/2 + 1/3 + 1/3 + 1/2) / 4.
        assertThat(result.recall().get(1)).isZero();
        assertThat(result.recall().get(2)).isEqualTo(0.5);
        assertThat(result.meanAveragePrecision()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(result.queries()).isEqualTo(4);
    }

    @Test
    void matchesABruteForceRankingOfRandomEmbeddings() {
        Random random = new Random(7);
        int n = 700;
        double[][] embeddings = new double[n][5];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(6);
            for (int j = 0; j < 5; j++) {
                embeddings[i][j] = random.nextGaussian() + (j == labels[i] % 5 ? 1.5 : 0);
            }
        }
        List<Integer> recallAt = List.of(1, 2, 4, 8);
        RetrievalMetrics.Result result = RetrievalMetrics.of(Nd4j.create(embeddings), labels, recallAt);

        double[] found = new double[recallAt.size()];
        double precision = 0;
        double[][] unit = Arrays.stream(embeddings).map(RetrievalMetricsTest::normalise).toArray(double[][]::new);
        for (int query = 0; query < n; query++) {
            int q = query;
            Integer[] others = IntStream.range(0, n).filter(i -> i != q).boxed().toArray(Integer[]::new);
            Arrays.sort(others, Comparator.comparingDouble(i -> distance(unit[q], unit[i])));
            for (int k = 0; k < recallAt.size(); k++) {
                for (int rank = 0; rank < recallAt.get(k); rank++) {
                    if (labels[others[rank]] == labels[q]) {
                        found[k]++;
                        break;
                    }
                }
            }
            int relevant = 0;
            double sum = 0;
            for (int rank = 0; rank < others.length; rank++) {
                if (labels[others[rank]] == labels[q]) {
                    relevant++;
                    sum += relevant / (double) (rank + 1);
                }
            }
            precision += sum / relevant;
        }
        for (int k = 0; k < recallAt.size(); k++) {
            assertThat(result.recall().get(recallAt.get(k))).as("R@%d", recallAt.get(k))
                    .isCloseTo(found[k] / n, within(1e-12));
        }
        assertThat(result.meanAveragePrecision()).isCloseTo(precision / n, within(1e-9));
    }

    @Test
    void aQueryWithoutAnotherImageOfItsClassIsLeftOut() {
        RetrievalMetrics.Result result = RetrievalMetrics.of(Nd4j.create(unitVectors(new double[] {0, 5, 90})),
                new int[] {0, 0, 1}, List.of(1));

        assertThat(result.queries()).isEqualTo(2);
        assertThat(result.recall().get(1)).isEqualTo(1.0);
        assertThat(result.meanAveragePrecision()).isEqualTo(1.0);
    }

    @Test
    void tiesCountAgainstTheQuery() {
        // The query (1, 0) has its class-mate and an other-class image at the same distance, so it misses at K=1; the
        // query (0, 1) finds its class-mate first; the third image has no class-mate and is no query.
        RetrievalMetrics.Result result = RetrievalMetrics.of(Nd4j.create(new double[][] {{1, 0}, {0, 1}, {0, -1}}),
                new int[] {0, 0, 1}, List.of(1));

        assertThat(result.queries()).isEqualTo(2);
        assertThat(result.recall().get(1)).isEqualTo(0.5);
    }

    @Test
    void scalingAnEmbeddingChangesNothing() {
        double[][] embeddings = unitVectors(new double[] {0, 30, 60, 200, 210});
        int[] labels = {0, 0, 1, 1, 0};
        RetrievalMetrics.Result unit = RetrievalMetrics.of(Nd4j.create(embeddings), labels, List.of(1, 2));
        RetrievalMetrics.Result scaled = RetrievalMetrics.of(Nd4j.create(embeddings).muli(17.5), labels, List.of(1, 2));

        assertThat(scaled).isEqualTo(unit);
    }

    private static double[][] unitVectors(double[] degrees) {
        return Arrays.stream(degrees).mapToObj(d -> new double[] {Math.cos(Math.toRadians(d)),
                Math.sin(Math.toRadians(d))}).toArray(double[][]::new);
    }

    private static double[] normalise(double[] vector) {
        double norm = Math.sqrt(Arrays.stream(vector).map(v -> v * v).sum());
        return Arrays.stream(vector).map(v -> v / norm).toArray();
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }
}

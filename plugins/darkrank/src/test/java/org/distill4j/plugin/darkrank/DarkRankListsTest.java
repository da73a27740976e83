package org.distill4j.plugin.darkrank;

import org.distill4j.kernel.engine.LossValue;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.STUDENT;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.TEACHER;
import static org.distill4j.plugin.darkrank.DarkRankHardDistillerTest.embeddings;

/** The teacher's lists (ranks, the query left out, ties) and the Plackett-Luce distribution over their orders. */
class DarkRankListsTest {

    @Test
    void ranksOrderEachQuerysCandidatesAndLeaveTheQueryOut() {
        double[][] distances = DarkRankReference.distances(TEACHER);
        double[][] ranks = ranks(distances);

        for (int query = 0; query < distances.length; query++) {
            assertThat(ranks[query][query]).as("query %d's own entry", query).isEqualTo(-1);
            List<Integer> order = DarkRankReference.teacherOrder(distances, query, 0);
            for (int position = 0; position < order.size(); position++) {
                assertThat(ranks[query][order.get(position)]).isEqualTo(position);
            }
        }
    }

    @Test
    void tiesGoToTheLowerBatchIndex() {
        // Query 0 sees candidates 1, 2 and 3 at the same distance, candidate 4 nearer; query 3 sees 0 and 1 tied.
        double[][] distances = {
                {0, 0.5, 0.5, 0.5, 0.2},
                {0.5, 0, 0.3, 0.9, 0.9},
                {0.5, 0.3, 0, 0.4, 0.1},
                {0.7, 0.7, 0.4, 0, 0.8},
                {0.2, 0.9, 0.1, 0.8, 0}};
        double[][] ranks = ranks(distances);

        assertThat(ranks[0]).containsExactly(-1, 1, 2, 3, 0);
        assertThat(ranks[3]).containsExactly(1, 2, 0, -1, 3);
    }

    @Test
    void tiedTeacherEmbeddingsAreListedInBatchOrder() {
        // Samples 1 and 2 are the same image to the teacher: every query sees them at the same distance.
        double[][] teacher = TEACHER.clone();
        teacher[2] = teacher[1].clone();
        LossValue hard = DarkRankHardDistillerTest.check(3, 3, 0)
                .evaluate(embeddings(STUDENT), embeddings(teacher), DarkRankHardDistillerTest.LABELS);
        LossValue soft = DarkRankSoftDistillerTest.check(3, 3, 4)
                .evaluate(embeddings(STUDENT), embeddings(teacher), DarkRankHardDistillerTest.LABELS);

        assertThat(hard.loss()).isCloseTo(DarkRankReference.hard(STUDENT, teacher, 3, 3, 0), within(1e-10));
        assertThat(soft.loss()).isCloseTo(DarkRankReference.soft(STUDENT, teacher, 3, 3, 4), within(1e-10));
    }

    @Test
    void aQueryNeverRanksItself() {
        // With two samples each list holds exactly one candidate, which has one order: both losses are zero. Were the
        // query its own candidate (at distance 0, first), the lists would have two entries and the losses would not be.
        double[][] student = {STUDENT[0], STUDENT[3]};
        double[][] teacher = {TEACHER[1], TEACHER[4]};
        int[] labels = {0, 1};

        assertThat(DarkRankHardDistillerTest.check(3, 3, 0).evaluate(embeddings(student), embeddings(teacher), labels)
                .loss()).isCloseTo(0, within(1e-12));
        assertThat(DarkRankSoftDistillerTest.check(3, 3, 4).evaluate(embeddings(student), embeddings(teacher), labels)
                .loss()).isCloseTo(0, within(1e-12));
    }

    @Test
    void probabilitiesOfAllOrdersSumToOne() {
        for (int length = 2; length <= DarkRankSoftParams.MAX_LIST_LENGTH; length++) {
            double[][] scores = {
                    Arrays.copyOf(new double[] {-0.3, -2.5, -0.1, -7.0, -1.2, -0.8}, length),
                    Arrays.copyOf(new double[] {-24, -0.01, -13, -5, -19, -2}, length)};
            SameDiff sameDiff = SameDiff.create();
            SDVariable input = sameDiff.placeHolder("scores", DataType.DOUBLE, -1, length);
            SDVariable probabilities =
                    sameDiff.math().exp(DarkRankPermutations.logProbabilities(sameDiff, input, length, 24));
            INDArray result = probabilities.eval(Map.of("scores", Nd4j.createFromArray(scores)));

            int orders = DarkRankPermutations.all(length).length;
            assertThat(result.shape()).containsExactly(2, orders);
            for (int row = 0; row < 2; row++) {
                assertThat(result.getRow(row).sumNumber().doubleValue()).as("L=%d", length).isCloseTo(1, within(1e-12));
                for (int p = 0; p < orders; p++) {
                    assertThat(result.getDouble(row, p)).isCloseTo(DarkRankReference.plackettLuce(scores[row],
                            DarkRankPermutations.all(length)[p]), within(1e-12));
                }
            }
        }
    }

    @Test
    void everyOrderIsEnumeratedOnce() {
        int[][] orders = DarkRankPermutations.all(4);

        assertThat(orders.length).isEqualTo(24);
        assertThat(Arrays.stream(orders).map(Arrays::toString).distinct()).hasSize(24);
        assertThat(orders[0]).containsExactly(0, 1, 2, 3);
    }

    private static double[][] ranks(double[][] distances) {
        SameDiff sameDiff = SameDiff.create();
        SDVariable input = sameDiff.placeHolder("distances", DataType.DOUBLE, -1, -1);
        INDArray ranks = new DarkRankTeacherOrder(sameDiff, input, new DarkRankUnitAxes(sameDiff, input)).ranks()
                .eval(Map.of("distances", Nd4j.createFromArray(distances)));
        return ranks.toDoubleMatrix();
    }
}

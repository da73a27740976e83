package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.network.TensorShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled execution of a loss graph against SameDiff's own execution of the same graph: the same loss, terms,
 * tap gradients and parameter gradients, also when the batch size changes between calls (the schedule reallocates)
 * and for arrays that survive the next evaluation. The plugins' golden-value tests run through the schedule too.
 */
class LossGraphScheduleTest {

    private static final Map<String, TensorShape> STUDENT = Map.of(
            "logits", TensorShape.vector(3), "relu", TensorShape.map(4, 8, 8));
    private static final Map<String, TensorShape> TEACHER = Map.of(
            "logits", TensorShape.vector(3), "relu", TensorShape.map(6, 8, 8));

    @AfterEach
    void scheduleAgain() {
        System.clearProperty(CompiledLoss.SAMEDIFF_EXECUTION_PROPERTY);
    }

    /** Attention maps (mean of squares over channels, reshape with -1, normalise) and a temperature-scaled KL. */
    static final class Relational implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits", "relu");
        }

        public Set<String> teacherTaps() {
            return Set.of("logits", "relu");
        }

        public SDVariable defineLoss(LossGraph graph) {
            SameDiff sameDiff = graph.sameDiff();
            SDVariable student = attention(sameDiff, graph.student("relu"));
            SDVariable teacher = attention(sameDiff, graph.teacher("relu"));
            SDVariable difference = student.sub(teacher);
            SDVariable maps = difference.mul(difference).mean();
            SDVariable soft = sameDiff.nn().softmax(graph.teacher("logits").div(4));
            SDVariable logSoft = sameDiff.nn().logSoftmax(graph.student("logits").div(4));
            SDVariable kl = soft.mul(sameDiff.math().log(soft.add(1e-12)).sub(logSoft)).sum(1).mean();
            graph.reportTerm("maps", maps);
            graph.reportTerm("kl", kl);
            return maps.mul(100).add(kl.mul(16)).add(Losses.crossEntropy(sameDiff, graph.student("logits"),
                    graph.labels()));
        }

        private static SDVariable attention(SameDiff sameDiff, SDVariable map) {
            SDVariable energy = map.mul(map).mean(1).reshape(-1, 64);
            return energy.div(sameDiff.math().sqrt(energy.mul(energy).sum(true, 1).add(1e-12)));
        }
    }

    /** Cross-entropy on the logits alone. */
    static final class Plain implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits"), graph.labels());
        }
    }

    /**
     * Reductions along axes of length 1: over the one column of {@code [B, 1]}, and over the batch, which has one
     * sample in a batch of one.
     */
    static final class SingleElementAxes implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable logits = graph.student("logits");
            SDVariable column = logits.mul(logits).sum(true, 1);
            SDVariable overColumn = column.sum(1).add(column.max(1)).add(column.mean(1));
            SDVariable overBatch = logits.sum(0).mul(logits.max(0));
            return overColumn.mean().add(overBatch.sum());
        }
    }

    /**
     * SameDiff's own execution fails on these reductions in M2.1 (the same NullPointerException), so the schedule is
     * checked against the values by hand: loss = mean_b 3 s_b + sum_c S_c M_c with s_b = sum_c x_bc^2, S_c and M_c the
     * sum and maximum of column c; d/dx_bc = 6 x_bc / B + M_c + S_c [b is the argmax of column c].
     */
    @Test
    void reductionsAlongAnAxisOfLengthOneAreScheduled() {
        CompiledLoss loss = compile(new SingleElementAxes(), true);
        for (int size : new int[] {1, 4, 1}) {
            double[][] x = batch(size, 7L * size).student().get("logits").toDoubleMatrix();
            LossValue value = loss.evaluate(Map.of("logits", Nd4j.createFromArray(x)), Map.of(), new int[size]);

            double expected = 0;
            double[][] gradient = new double[size][3];
            for (int b = 0; b < size; b++) {
                for (int c = 0; c < 3; c++) {
                    expected += 3 * x[b][c] * x[b][c] / size;
                    gradient[b][c] = 6 * x[b][c] / size;
                }
            }
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                int argmax = 0;
                for (int b = 0; b < size; b++) {
                    sum += x[b][c];
                    argmax = x[b][c] > x[argmax][c] ? b : argmax;
                }
                expected += sum * x[argmax][c];
                for (int b = 0; b < size; b++) {
                    gradient[b][c] += x[argmax][c] + (b == argmax ? sum : 0);
                }
            }
            assertThat(value.loss()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertClose(value.gradients().get("logits"), Nd4j.createFromArray(gradient));
        }
    }

    @Test
    void everyLossKindIsScheduled() {
        assertThat(compile(new Relational(), true).scheduled()).isTrue();
        assertThat(compile(new LossParametersTest.Probe(), true).scheduled()).isTrue();
        assertThat(compile(new Plain(), true).scheduled()).isTrue();
        assertThat(compile(new Relational(), false).scheduled()).isFalse();
    }

    @Test
    void scheduledAndSameDiffExecutionAgreeOnTapsTeacherAndTerms() {
        compare(new Relational(), 5);
        compare(new Relational(), 3);
        compare(new Plain(), 4);
    }

    @Test
    void scheduledAndSameDiffExecutionAgreeOnLossParameterGradients() {
        compare(new LossParametersTest.Probe(), 6);
        compare(new LossParametersTest.Anchored(), 2);
    }

    @Test
    void evaluatedGradientsSurviveTheNextEvaluation() {
        CompiledLoss loss = compile(new Relational(), true);
        Batch first = batch(4, 1);
        LossValue value = loss.evaluate(first.student(), first.teacher(), first.labels());
        INDArray copy = value.gradients().get("relu").dup();
        Batch second = batch(4, 2);
        loss.evaluate(second.student(), second.teacher(), second.labels());
        assertThat(value.gradients().get("relu")).isEqualTo(copy);
    }

    private static void compare(Distiller distiller, int batchSize) {
        CompiledLoss scheduled = compile(distiller, true);
        CompiledLoss reference = compile(distiller, false);
        scheduled.parameters().initialise(5);
        reference.parameters().initialise(5);
        // Two batch sizes on the same compiled loss: the schedule must follow the shapes.
        for (int size : new int[] {batchSize, batchSize + 2, batchSize}) {
            Batch batch = batch(size, size * 31L);
            LossValue fast = scheduled.evaluate(batch.student(), batch.teacher(), batch.labels());
            LossValue slow = reference.evaluate(batch.student(), batch.teacher(), batch.labels());
            assertThat(fast.loss()).isCloseTo(slow.loss(), org.assertj.core.data.Offset.offset(1e-6 * Math.max(1,
                    Math.abs(slow.loss()))));
            assertThat(fast.terms().keySet()).isEqualTo(slow.terms().keySet());
            slow.terms().forEach((name, term) -> assertThat(fast.terms().get(name))
                    .isCloseTo(term, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(term)))));
            slow.gradients().forEach((tap, gradient) -> assertClose(fast.gradients().get(tap), gradient));
            slow.parameterGradients().forEach((name, gradient) ->
                    assertClose(fast.parameterGradients().get(name), gradient));
        }
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(1e-3, expected.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
        double difference = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber()
                .doubleValue();
        assertThat(difference).isLessThanOrEqualTo(1e-5 * scale);
    }

    private static CompiledLoss compile(Distiller distiller, boolean scheduled) {
        if (!scheduled) {
            System.setProperty(CompiledLoss.SAMEDIFF_EXECUTION_PROPERTY, "true");
        }
        try {
            String name = distiller.getClass().getSimpleName().toLowerCase();
            return CompiledLoss.compile(List.of(new Objective(name, distiller, 1.0)), STUDENT, TEACHER, 3,
                    DataType.DOUBLE);
        } finally {
            System.clearProperty(CompiledLoss.SAMEDIFF_EXECUTION_PROPERTY);
        }
    }

    private record Batch(Map<String, INDArray> student, Map<String, INDArray> teacher, int[] labels) {
    }

    private static Batch batch(int size, long seed) {
        Nd4j.getRandom().setSeed(seed);
        Random random = new Random(seed);
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(3);
        }
        return new Batch(
                Map.of("logits", Nd4j.randn(DataType.DOUBLE, size, 3), "relu",
                        Nd4j.rand(DataType.DOUBLE, size, 4, 8, 8)),
                Map.of("logits", Nd4j.randn(DataType.DOUBLE, size, 3).muli(3), "relu",
                        Nd4j.rand(DataType.DOUBLE, size, 6, 8, 8)),
                labels);
    }
}

package org.distill4j.kernel.engine;

import org.distill4j.api.Distiller;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.LossGraph;
import org.distill4j.api.Losses;
import org.distill4j.api.Optimizer;
import org.distill4j.api.ParameterInit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.builtin.AdamOptimizer;
import org.distill4j.kernel.builtin.AdamParams;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.MultiStepParams;
import org.distill4j.kernel.builtin.MultiStepSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LossParametersTest {

    private static final Map<String, TensorShape> SHAPES = Map.of(
            "logits", TensorShape.vector(3), "relu", TensorShape.map(4, 8, 8));
    private static final double TARGET = 3;
    private static final int TRAIN = 160;
    private static final int BATCH = 32;

    /**
     * Cross-entropy plus {@code 1/2 sum (p - 3)^2} over a loss parameter {@code p} the student does not touch: the
     * gradient for {@code p} is {@code p - 3}, so its trajectory under any optimizer can be computed by hand.
     */
    static final class Anchored implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("logits");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable anchor = graph.parameter("p", new long[] {2, 3}, ParameterInit.heNormal(4));
            SDVariable offset = anchor.sub(TARGET);
            return Losses.crossEntropy(graph.sameDiff(), graph.student("logits"), graph.labels())
                    .add(offset.mul(offset).sum().mul(0.5));
        }
    }

    /** A linear probe of the student's ReLU maps (spatial mean, then {@code W x + b}) trained on the labels. */
    static final class Probe implements Distiller {
        public Set<String> studentTaps() {
            return Set.of("relu");
        }

        public Set<String> teacherTaps() {
            return Set.of();
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable weights = graph.parameter("weight", new long[] {4, 3}, ParameterInit.heNormal(4));
            SDVariable bias = graph.parameter("bias", new long[] {3}, ParameterInit.zeros());
            SDVariable pooled = graph.student("relu").mean(2, 3);
            return Losses.crossEntropy(graph.sameDiff(), pooled.mmul(weights).add(bias), graph.labels());
        }
    }

    @Test
    void aParameterIsTrainedWithTheStudentAndTheLossDecreases() {
        Dataset data = TinyNetworks.data(3, TRAIN, 30, 30, 7);
        CompiledLoss loss = compile(new Probe());

        TrainingOutcome outcome = train(loss, data, 11, 4, sgd(0.05, 0.9, 0), new ConstantSchedule());

        // Weights start from the seed's He draws and biases from zeros; both move.
        assertThat(values(loss)).isNotEqualTo(initialValues(new Probe(), 11));
        assertThat(loss.parameters().value("bias").amaxNumber().doubleValue()).isGreaterThan(0);
        assertThat(outcome.epochs().get(3).trainLoss()).isLessThan(outcome.epochs().get(0).trainLoss());
    }

    @Test
    void sgdWithMomentumScheduleAndWeightDecayMatchesAHandWrittenLoop() {
        Dataset data = TinyNetworks.data(3, TRAIN, 30, 30, 7);
        CompiledLoss loss = compile(new Anchored());
        LearningRateSchedule schedule = new MultiStepSchedule(new MultiStepParams(List.of(2), 0.1));
        double learningRate = 0.05;
        double momentum = 0.9;
        double weightDecay = 0.01;
        int epochs = 3;

        train(loss, data, 11, epochs, sgd(learningRate, momentum, weightDecay), schedule);

        double[] expected = initialValues(new Anchored(), 11);
        double[] velocity = new double[expected.length];
        int batches = (TRAIN + BATCH - 1) / BATCH;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double rate = learningRate * schedule.factor(epoch, epochs);
            for (int batch = 0; batch < batches; batch++) {
                for (int i = 0; i < expected.length; i++) {
                    // torch.optim.SGD: the decay joins the gradient, the velocity accumulates it.
                    double gradient = expected[i] - TARGET + weightDecay * expected[i];
                    velocity[i] = momentum * velocity[i] + gradient;
                    expected[i] -= rate * velocity[i];
                }
            }
        }
        assertThat(values(loss)).containsExactly(expected, within(1e-5));
    }

    @Test
    void adamCountsItsStepsFromZeroInEachStage() {
        Dataset data = TinyNetworks.data(3, TRAIN, 30, 30, 7);
        double learningRate = 0.01;
        double beta1 = 0.9;
        double beta2 = 0.999;
        Optimizer adam = new AdamOptimizer(new AdamParams(learningRate, beta1, beta2, 1e-8, 0));
        CompiledLoss loss = compile(new Anchored());

        // Two stages on the same student: the second starts its loss parameters and its Adam state afresh.
        TrainableGraph student = TinyNetworks.convolutional(11, 3, false);
        train(student, loss, data, 11, 1, adam, new ConstantSchedule());
        train(student, loss, data, 11, 2, adam, new ConstantSchedule());

        double[] expected = initialValues(new Anchored(), 11);
        double[] first = new double[expected.length];
        double[] second = new double[expected.length];
        int steps = 2 * ((TRAIN + BATCH - 1) / BATCH);
        for (int step = 1; step <= steps; step++) {
            for (int i = 0; i < expected.length; i++) {
                double gradient = expected[i] - TARGET;
                first[i] = beta1 * first[i] + (1 - beta1) * gradient;
                second[i] = beta2 * second[i] + (1 - beta2) * gradient * gradient;
                double corrected = learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
                expected[i] -= corrected * first[i] / (Math.sqrt(second[i]) + 1e-8);
            }
        }
        assertThat(values(loss)).containsExactly(expected, within(1e-5));
    }

    @Test
    void theSameSeedGivesTheSameParametersAndLossesAndAnotherSeedOtherValues() {
        Dataset data = TinyNetworks.data(3, TRAIN, 30, 30, 7);
        CompiledLoss first = compile(new Probe());
        CompiledLoss again = compile(new Probe());
        TrainingOutcome firstOutcome = train(first, data, 11, 2, sgd(0.05, 0.9, 5e-4), new ConstantSchedule());
        TrainingOutcome againOutcome = train(again, data, 11, 2, sgd(0.05, 0.9, 5e-4), new ConstantSchedule());

        assertThat(againOutcome.epochs()).extracting(EpochRecord::trainLoss)
                .isEqualTo(firstOutcome.epochs().stream().map(EpochRecord::trainLoss).toList());
        assertThat(again.parameters().value("weight")).isEqualTo(first.parameters().value("weight"));
        assertThat(initialValues(new Probe(), 12)).isNotEqualTo(initialValues(new Probe(), 11));
    }

    @Test
    void initialisationFollowsTheRequestedDistribution() {
        CompiledLoss loss = compile(new Distiller() {
            public Set<String> studentTaps() {
                return Set.of("logits");
            }

            public Set<String> teacherTaps() {
                return Set.of();
            }

            public SDVariable defineLoss(LossGraph graph) {
                SDVariable weight = graph.parameter("weight", new long[] {100, 200}, ParameterInit.heNormal(50));
                SDVariable bias = graph.parameter("bias", new long[] {7}, ParameterInit.zeros());
                SDVariable shift = graph.parameter("shift", new long[] {2}, ParameterInit.constant(1.5));
                return weight.sum().add(bias.sum()).add(shift.sum()).add(graph.student("logits").sum());
            }
        });
        loss.parameters().initialise(5);

        INDArray weight = loss.parameters().value("weight");
        assertThat(weight.meanNumber().doubleValue()).isCloseTo(0, within(0.01));
        assertThat(weight.stdNumber().doubleValue()).isCloseTo(Math.sqrt(2.0 / 50), within(0.005));
        assertThat(loss.parameters().value("bias").amaxNumber().doubleValue()).isZero();
        assertThat(loss.parameters().value("shift").toDoubleVector()).containsExactly(1.5, 1.5);
        assertThat(loss.parameters().names()).containsExactly("weight", "bias", "shift");
    }

    @Test
    void evaluateReturnsTheGradientOfEveryParameter() {
        CompiledLoss loss = compile(new Anchored());
        loss.parameters().set("p", Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));

        LossValue value = loss.evaluate(Map.of("logits", Nd4j.zeros(DataType.FLOAT, 2, 3)), Map.of(), new int[] {0, 1});

        assertThat(value.parameterGradients()).containsOnlyKeys("p");
        assertThat(value.parameterGradients().get("p").toDoubleMatrix())
                .isEqualTo(new double[][] {{-2, -1, 0}, {1, 2, 3}});
        assertThat(value.loss()).isCloseTo(Math.log(3) + 0.5 * (4 + 1 + 0 + 1 + 4 + 9), within(1e-5));
    }

    @Test
    void aLossWithoutParametersHasNoParameterGradients() {
        CompiledLoss loss = compile(new TrainerTest.CrossEntropy());

        LossValue value = loss.evaluate(Map.of("logits", Nd4j.zeros(DataType.FLOAT, 2, 3)), Map.of(), new int[] {0, 1});

        assertThat(loss.parameters().isEmpty()).isTrue();
        assertThat(value.parameterGradients()).isEmpty();
    }

    @Test
    void namesArePrefixedWithTheDistillerWhenTheLossHasSeveral() {
        CompiledLoss alone = compile(new Anchored());
        CompiledLoss combined = CompiledLoss.compile(List.of(new Objective("cross-entropy",
                new TrainerTest.CrossEntropy(), 1.0), new Objective("anchored", new Anchored(), 2.0)), SHAPES,
                Map.of(), 3);
        CompiledLoss twice = CompiledLoss.compile(List.of(new Objective("anchored", new Anchored(), 1.0),
                new Objective("anchored", new Anchored(), 1.0)), SHAPES, Map.of(), 3);

        assertThat(alone.parameters().names()).containsExactly("p");
        assertThat(combined.parameters().names()).containsExactly("anchored.p");
        assertThat(twice.parameters().names()).containsExactly("anchored#1.p", "anchored#2.p");
    }

    @Test
    void badDeclarationsAndValuesAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> compile(declaring(graph -> {
            graph.parameter("w", new long[] {2}, ParameterInit.zeros());
            return graph.parameter("w", new long[] {2}, ParameterInit.zeros()).sum();
        }))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declaring declares loss parameter 'w' twice; give each parameter of a distiller its own"
                        + " name");
        assertThatThrownBy(() -> compile(declaring(graph -> graph.parameter("w", new long[] {2, 0},
                ParameterInit.zeros()).sum()))).hasMessage("declaring declares loss parameter 'w' with shape [2, 0];"
                        + " a parameter needs at least one dimension and every size >= 1");
        CompiledLoss loss = compile(new Anchored());
        assertThatThrownBy(() -> loss.parameters().set("p", Nd4j.zeros(3, 2)))
                .hasMessage("loss parameter 'p' has shape [2, 3], got values of shape [3, 2]");
        assertThatThrownBy(() -> loss.parameters().value("q"))
                .hasMessage("the loss has no parameter 'q'; its parameters: [p]");
        assertThatThrownBy(() -> ParameterInit.heNormal(0)).hasMessageContaining("fan-in >= 1");
    }

    @Test
    void aStepWithoutAParameterUpdaterRefusesALossWithParameters() {
        assertThatThrownBy(() -> new StudentStep(TinyNetworks.convolutional(1, 3, false), compile(new Anchored())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the loss has trainable parameters [p]; give the step a LossParameterUpdater so that they"
                        + " train with the student");
    }

    private interface LossDefinition {
        SDVariable define(LossGraph graph);
    }

    private static Distiller declaring(LossDefinition definition) {
        return new Distiller() {
            public Set<String> studentTaps() {
                return Set.of("logits");
            }

            public Set<String> teacherTaps() {
                return Set.of();
            }

            public SDVariable defineLoss(LossGraph graph) {
                return definition.define(graph).add(graph.student("logits").sum());
            }
        };
    }

    /** A loss of the teacher alone (factor transfer's paraphraser): its parameter learns the teacher's mean logits. */
    static final class TeacherOnly implements Distiller {
        public Set<String> studentTaps() {
            return Set.of();
        }

        public Set<String> teacherTaps() {
            return Set.of("logits");
        }

        public SDVariable defineLoss(LossGraph graph) {
            SDVariable centre = graph.parameter("centre", new long[] {3}, ParameterInit.zeros());
            SDVariable difference = graph.teacher("logits").sub(centre);
            return difference.mul(difference).mean();
        }
    }

    @Test
    void aLossWithoutStudentTapsTrainsItsParametersAndLeavesTheStudentAlone() {
        Dataset data = TinyNetworks.data(3, TRAIN, 30, 30, 7);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("teacher-only", new TeacherOnly(), 1.0)),
                SHAPES, SHAPES, 3);
        TrainableGraph teacher = TinyNetworks.convolutional(5, 3, false);
        TrainableGraph student = TinyNetworks.convolutional(11, 3, false);
        INDArray before = student.params().dup();
        TrainingSettings settings = new TrainingSettings(3, BATCH, sgd(0.1, 0.9, 0), new ConstantSchedule(),
                Augmentation.NONE, Selection.LAST, false);

        // As a stage with train: taps runs it: no student tap, so every student layer is kept (batch-norm statistics
        // included, which the training-mode forward would otherwise move).
        TrainingOutcome outcome = new Trainer(ProgressListener.SILENT).train(student, Optional.of(teacher), loss, data,
                settings, FrozenLayers.outside(student, Set.of()), 11);

        assertThat(outcome.epochs().get(2).trainLoss()).isLessThan(outcome.epochs().get(0).trainLoss());
        assertThat(loss.parameters().value("centre").amaxNumber().doubleValue()).isGreaterThan(0);
        assertThat(student.params()).isEqualTo(before);
    }

    private static CompiledLoss compile(Distiller distiller) {
        String name = distiller instanceof Anchored || distiller instanceof Probe
                ? distiller.getClass().getSimpleName().toLowerCase() : "declaring";
        return CompiledLoss.compile(List.of(new Objective(name, distiller, 1.0)), SHAPES, Map.of(), 3);
    }

    /** The values {@link Trainer} starts a parameter from with this seed. */
    private static double[] initialValues(Distiller distiller, long seed) {
        CompiledLoss loss = compile(distiller);
        loss.parameters().initialise(seed);
        return loss.parameters().values().values().iterator().next().castTo(DataType.DOUBLE).reshape(-1)
                .toDoubleVector();
    }

    private static double[] values(CompiledLoss loss) {
        return loss.parameters().values().values().iterator().next().castTo(DataType.DOUBLE).reshape(-1)
                .toDoubleVector();
    }

    private static Optimizer sgd(double learningRate, double momentum, double weightDecay) {
        return new SgdOptimizer(new SgdParams(learningRate, momentum, false, weightDecay));
    }

    private static TrainingOutcome train(CompiledLoss loss, Dataset data, long seed, int epochs, Optimizer optimizer,
            LearningRateSchedule schedule) {
        TrainableGraph student = TinyNetworks.convolutional(seed, 3, loss.studentTaps().contains("relu"));
        return train(student, loss, data, seed, epochs, optimizer, schedule);
    }

    private static TrainingOutcome train(TrainableGraph student, CompiledLoss loss, Dataset data, long seed, int epochs,
            Optimizer optimizer, LearningRateSchedule schedule) {
        TrainingSettings settings = new TrainingSettings(epochs, BATCH, optimizer, schedule, Augmentation.NONE,
                Selection.LAST, false);
        return new Trainer(ProgressListener.SILENT).train(student, Optional.empty(), loss, data, settings,
                TrainableGraph.UpdateHook.NONE, seed);
    }
}

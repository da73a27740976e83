package org.distill4j.kernel.descriptor;

import jakarta.inject.Inject;
import org.distill4j.api.Component;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.Distiller;
import org.distill4j.api.InputGradientTap;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.LossGraph;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.NoParameters;
import org.distill4j.api.Optimizer;
import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Small stand-ins for real plugins: a dataset that describes itself without data, MLP families, distillers with
 * different taps (two of them defining an input-gradient tap), two optimizers and two schedules. Nothing here touches
 * ND4J.
 */
public final class FakePlugin implements Distill4jPlugin {

    @Override
    public String name() {
        return "fakes";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.dataset("tiny-images", TinyImagesParams.class, TinyImages.class, "8x8 images", ""),
                Component.modelFamily("mlp", MlpParams.class, Mlp.class, "dense layers", ""),
                Component.modelFamily("unbuildable", NoParameters.class, Unbuildable.class, "always fails", ""),
                Component.modelFamily("bn-mlp", MlpParams.class, BatchNormMlp.class, "dense layers with batch norm",
                        ""),
                Component.modelFamily("designed", NoParameters.class, Designed.class, "derived from a trained"
                        + " network", ""),
                Component.distiller("hinton-kd", HintonParams.class, Hinton.class, "soft targets", "Hinton 2015"),
                Component.distiller("cross-entropy", NoParameters.class, CrossEntropy.class, "labels only", ""),
                Component.distiller("hint", HintParams.class, Hint.class, "match a layer", "Romero 2015"),
                Component.distiller("mirror", MirrorParams.class, Mirror.class, "defines an input-gradient tap", ""),
                Component.distiller("other-mirror", MirrorParams.class, Mirror.class, "defines one too", ""),
                Component.optimizer("sgd", SgdParams.class, Sgd.class, "momentum SGD", ""),
                Component.optimizer("adam", NoParameters.class, Adam.class, "Adam", ""),
                Component.schedule("constant", NoParameters.class, Constant.class, "no decay", ""),
                Component.schedule("multi-step", MultiStepParams.class, MultiStep.class, "step decay", ""));
    }

    public enum Source { EMBEDDED, DEBIAN }

    public record TinyImagesParams(
            @Parameter(description = "where the images come from", defaultValue = "embedded") Source source,
            @Parameter(description = "training images to use", defaultValue = Parameter.ABSENT, subset = true) @Range(min = 1)
            Integer trainSize,
            @Parameter(description = "a directory of IDX files", defaultValue = Parameter.ABSENT, path = true)
            String directory) {
    }

    public static final class TinyImages implements DatasetSource {
        @Inject
        public TinyImages(TinyImagesParams parameters) {
        }

        @Override
        public DatasetInfo info() {
            return new DatasetInfo(new InputShape(1, 8, 8), List.of("a", "b", "c"));
        }

        @Override
        public Dataset load(DataContext context) {
            throw new UnsupportedOperationException("a fake has no data");
        }
    }

    public record MlpParams(
            @Parameter(description = "hidden widths", defaultValue = "[16, 16]") @Range(min = 1) List<Integer> hidden) {
    }

    /** Vertices dense1, relu1, dense2, relu2, ..., logits. */
    public static final class Mlp implements ModelFamily {
        private final MlpParams parameters;

        @Inject
        public Mlp(MlpParams parameters) {
            this.parameters = parameters;
        }

        @Override
        public NetworkSpec specify(InputShape input, int classes) {
            List<NodeSpec> nodes = new ArrayList<>();
            String previous = NetworkSpec.INPUT;
            for (int i = 0; i < parameters.hidden().size(); i++) {
                nodes.add(new NodeSpec.Dense("dense" + (i + 1), previous, parameters.hidden().get(i), true));
                nodes.add(new NodeSpec.Relu("relu" + (i + 1), "dense" + (i + 1)));
                previous = "relu" + (i + 1);
            }
            nodes.add(new NodeSpec.Dense(NetworkSpec.LOGITS, previous, classes, true));
            return new NetworkSpec("mlp", input, nodes);
        }
    }

    /** Vertices dense1, bn1, relu1, ..., logits: a network whose input gradient needs training mode. */
    public static final class BatchNormMlp implements ModelFamily {
        private final MlpParams parameters;

        @Inject
        public BatchNormMlp(MlpParams parameters) {
            this.parameters = parameters;
        }

        @Override
        public NetworkSpec specify(InputShape input, int classes) {
            List<NodeSpec> nodes = new ArrayList<>();
            String previous = NetworkSpec.INPUT;
            for (int i = 0; i < parameters.hidden().size(); i++) {
                nodes.add(new NodeSpec.Dense("dense" + (i + 1), previous, parameters.hidden().get(i), true));
                nodes.add(new NodeSpec.BatchNorm("bn" + (i + 1), "dense" + (i + 1)));
                nodes.add(new NodeSpec.Relu("relu" + (i + 1), "bn" + (i + 1)));
                previous = "relu" + (i + 1);
            }
            nodes.add(new NodeSpec.Dense(NetworkSpec.LOGITS, previous, classes, true));
            return new NetworkSpec("bn-mlp", input, nodes);
        }
    }

    /** A derived family: the source's vertices, every hidden layer half as wide. */
    public static final class Designed implements ModelFamily {
        @Override
        public boolean derived() {
            return true;
        }

        @Override
        public NetworkSpec specify(InputShape input, int classes) {
            throw new IllegalArgumentException("'designed' needs its source network");
        }

        @Override
        public NetworkSpec specify(InputShape input, int classes, Network source) {
            return source.spec().map(node -> node instanceof NodeSpec.Dense dense && !dense.name().equals("logits")
                    ? dense.withUnits(Math.max(1, dense.units() / 2)) : node);
        }
    }

    public static final class Unbuildable implements ModelFamily {
        @Override
        public NetworkSpec specify(InputShape input, int classes) {
            throw new IllegalArgumentException("inputs of " + input + " are too small");
        }
    }

    public record HintonParams(
            @Parameter(description = "softmax temperature", defaultValue = "4") @Range(min = 0, minExclusive = true)
            double temperature,
            @Parameter(description = "weight of the soft term", defaultValue = "0.9") @Range(min = 0, max = 1)
            double alpha) {
    }

    public static final class Hinton implements Distiller {
        @Inject
        public Hinton(HintonParams parameters) {
        }

        @Override
        public Set<String> studentTaps() {
            return Set.of(NetworkSpec.LOGITS);
        }

        @Override
        public Set<String> teacherTaps() {
            return Set.of(NetworkSpec.LOGITS);
        }

        @Override
        public SDVariable defineLoss(LossGraph graph) {
            throw new UnsupportedOperationException("a fake has no loss");
        }
    }

    public static final class CrossEntropy implements Distiller {
        @Override
        public Set<String> studentTaps() {
            return Set.of(NetworkSpec.LOGITS);
        }

        @Override
        public Set<String> teacherTaps() {
            return Set.of();
        }

        @Override
        public SDVariable defineLoss(LossGraph graph) {
            throw new UnsupportedOperationException("a fake has no loss");
        }
    }

    public record HintParams(
            @Parameter(description = "the student vertex") String studentLayer,
            @Parameter(description = "the teacher vertex") String teacherLayer,
            @Parameter(description = "whether the two vertices must have the same size", defaultValue = "false")
            boolean sameSize) {
    }

    public static final class Hint implements Distiller {
        private final HintParams parameters;

        @Inject
        public Hint(HintParams parameters) {
            this.parameters = parameters;
        }

        @Override
        public Set<String> studentTaps() {
            return Set.of(parameters.studentLayer());
        }

        @Override
        public Set<String> teacherTaps() {
            return Set.of(parameters.teacherLayer());
        }

        @Override
        public SDVariable defineLoss(LossGraph graph) {
            throw new UnsupportedOperationException("a fake has no loss");
        }

        @Override
        public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
            TensorShape studentShape = student.get(parameters.studentLayer());
            TensorShape teacherShape = teacher.get(parameters.teacherLayer());
            return parameters.sameSize() && studentShape.size() != teacherShape.size()
                    ? List.of("'" + parameters.studentLayer() + "' (" + studentShape + ") and '"
                            + parameters.teacherLayer() + "' (" + teacherShape + ") differ in size")
                    : List.of();
        }
    }

    public record MirrorParams(
            @Parameter(description = "the input-gradient tap it defines and reads",
                    defaultValue = "mirrored-input.gradient") String tap) {
    }

    /** Defines an input-gradient tap (its transform is never run here) and reads it from the student. */
    public static final class Mirror implements Distiller {
        private final MirrorParams parameters;

        @Inject
        public Mirror(MirrorParams parameters) {
            this.parameters = parameters;
        }

        @Override
        public Set<String> studentTaps() {
            return Set.of(parameters.tap());
        }

        @Override
        public Set<String> teacherTaps() {
            return Set.of();
        }

        @Override
        public List<InputGradientTap> inputGradientTaps() {
            return List.of(new InputGradientTap(parameters.tap(), UnaryOperator.identity()));
        }

        @Override
        public SDVariable defineLoss(LossGraph graph) {
            throw new UnsupportedOperationException("a fake has no loss");
        }
    }

    public record SgdParams(
            @Parameter(description = "learning rate", defaultValue = "0.1") @Range(min = 0, minExclusive = true)
            double learningRate,
            @Parameter(description = "momentum", defaultValue = "0.9") @Range(min = 0, max = 1, maxExclusive = true)
            double momentum,
            @Parameter(description = "L2 penalty", defaultValue = "0") @Range(min = 0) double weightDecay) {
    }

    public static final class Sgd implements Optimizer {
        private final SgdParams parameters;

        @Inject
        public Sgd(SgdParams parameters) {
            this.parameters = parameters;
        }

        @Override
        public double learningRate() {
            return parameters.learningRate();
        }

        @Override
        public double weightDecay() {
            return parameters.weightDecay();
        }

        @Override
        public IUpdater updater(double learningRate) {
            throw new UnsupportedOperationException("a fake has no updater");
        }
    }

    public static final class Adam implements Optimizer {
        @Override
        public double learningRate() {
            return 0.001;
        }

        @Override
        public double weightDecay() {
            return 0;
        }

        @Override
        public IUpdater updater(double learningRate) {
            throw new UnsupportedOperationException("a fake has no updater");
        }
    }

    public static final class Constant implements LearningRateSchedule {
        @Override
        public double factor(int epoch, int epochs) {
            return 1;
        }
    }

    public record MultiStepParams(
            @Parameter(description = "epochs at which to decay", defaultValue = "[]") @Range(min = 1) List<Integer> milestones,
            @Parameter(description = "decay factor", defaultValue = "0.1") @Range(min = 0, max = 1, minExclusive = true)
            double gamma) {
    }

    public static final class MultiStep implements LearningRateSchedule {
        @Inject
        public MultiStep(MultiStepParams parameters) {
        }

        @Override
        public double factor(int epoch, int epochs) {
            return 1;
        }
    }
}

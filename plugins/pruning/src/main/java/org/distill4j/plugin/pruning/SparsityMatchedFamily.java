package org.distill4j.plugin.pruning;

import jakarta.inject.Inject;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.StudentDesign;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The student "formed based on the pruned teacher" of Park and No (2022): the source network's topology and vertex
 * names, each layer as wide as makes its dense weight count match the non-zero weights of the same layer in the
 * source (an unstructured-pruned teacher).
 *
 * <p>In forward order, with {@code c_0} the input channels, a {@code k x k} convolution {@code l} gets
 * {@code c_l = max(minimum-width, round(nnz(W_l) / (k^2 c_{l-1})))} output channels, where {@code c_{l-1}} is the
 * designed width of the layer that feeds it (batch norm, activations, pooling, dropout and identities pass channels
 * through). A hidden dense layer gets {@code max(minimum-width, round(nnz(W) / f))} units, {@code f} the designed
 * number of input features (channels times height times width of a flattened map). The output layer (the logits)
 * keeps one unit per class. A residual sum is rejected: it needs equal widths on its branches, which a per-layer rule
 * does not give.
 *
 * <p>This is a {@linkplain #derived() derived} family: it has no architecture before its source is trained, and the
 * kernel calls {@link #design(InputShape, int, Network)} with the source run's network; the design's details are
 * the weight counts it matched, which the run records under {@code student-source}.
 */
public final class SparsityMatchedFamily implements ModelFamily {

    public static final String NAME = "sparsity-matched";

    private final SparsityMatchedParams parameters;

    @Inject
    public SparsityMatchedFamily(SparsityMatchedParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public boolean derived() {
        return true;
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        throw new IllegalArgumentException(NAME + " designs the student from a trained network (a pruned teacher) and"
                + " has no architecture of its own; give student.source: {experiment: <pruned teacher descriptor>}");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes, Network source) {
        NetworkSpec spec = source.spec();
        if (!spec.input().equals(input)) {
            throw new IllegalArgumentException("the source network (" + spec.family() + ") takes " + shape(spec.input())
                    + " inputs, but the student gets " + shape(input) + " inputs");
        }
        if (classes < 1) {
            throw new IllegalArgumentException(NAME + " needs at least one class, got " + classes);
        }
        Map<String, TensorShape> sourceShapes = spec.shapes();
        // The designed shape of each vertex's output: the source's, with the designed channel or unit count.
        Map<String, TensorShape> designed = new HashMap<>();
        designed.put(NetworkSpec.INPUT, sourceShapes.get(NetworkSpec.INPUT));
        List<NodeSpec> nodes = new ArrayList<>(spec.nodes().size());
        for (NodeSpec node : spec.nodes()) {
            TensorShape in = designed.get(node.inputs().get(0));
            TensorShape sourceIn = sourceShapes.get(node.inputs().get(0));
            TensorShape sourceOut = sourceShapes.get(node.name());
            boolean output = node.name().equals(spec.output());
            NodeSpec replaced;
            TensorShape out;
            if (node instanceof NodeSpec.Conv2d conv) {
                long perChannel = (long) conv.kernel() * conv.kernel() * in.channels();
                int channels = output ? classes : width(nonZeroWeights(source, conv.name(),
                        (long) conv.outChannels() * conv.kernel() * conv.kernel() * sourceIn.channels()), perChannel);
                replaced = conv.withOutChannels(channels);
                out = TensorShape.map(channels, sourceOut.height(), sourceOut.width());
            } else if (node instanceof NodeSpec.Dense dense) {
                int units = output ? classes
                        : width(nonZeroWeights(source, dense.name(), sourceIn.size() * dense.units()), in.size());
                replaced = dense.withUnits(units);
                out = TensorShape.vector(units);
            } else if (node instanceof NodeSpec.MaxPool || node instanceof NodeSpec.AvgPool) {
                replaced = node;
                out = TensorShape.map(in.channels(), sourceOut.height(), sourceOut.width());
            } else if (node instanceof NodeSpec.GlobalAvgPool) {
                replaced = node;
                out = TensorShape.vector(in.channels());
            } else if (node instanceof NodeSpec.BatchNorm || node instanceof NodeSpec.Relu
                    || node instanceof NodeSpec.Activation || node instanceof NodeSpec.Dropout
                    || node instanceof NodeSpec.Identity || node instanceof NodeSpec.L2Normalize) {
                replaced = node;
                out = in;
            } else if (node instanceof NodeSpec.Add) {
                throw new IllegalArgumentException("vertex '" + node.name() + "' of the source network ("
                        + spec.family() + ") adds " + String.join(" and ", node.inputs()) + ": a residual sum needs"
                        + " equal widths on its branches, which " + NAME + " does not give (it sizes every layer by"
                        + " its own non-zero weights); use a source without residual connections (vgg, mlp)");
            } else {
                throw new IllegalArgumentException(NAME + " cannot design vertex '" + node.name() + "' of the source"
                        + " network (a " + node.getClass().getSimpleName() + " vertex)");
            }
            nodes.add(replaced);
            designed.put(node.name(), out);
        }
        return new NetworkSpec(NAME, input, nodes, spec.output(), parameters.initialisation());
    }

    /**
     * The design and the counts it matched: the designed conv and dense weights, and the source's weights and
     * non-zero weights.
     */
    @Override
    public StudentDesign design(InputShape input, int classes, Network source) {
        NetworkSpec spec = specify(input, classes, source);
        long weights = SparsityMatchedCounts.weights(spec);
        long sourceWeights = SparsityMatchedCounts.weights(source.spec());
        long nonZero = SparsityMatchedCounts.nonZeroWeights(source);
        return new StudentDesign(spec, Optional.of(new SparsityMatchedDetails(weights, sourceWeights, nonZero)),
                String.format(Locale.ROOT, "%,d conv and dense weights for the"
                + " source's %,d non-zero of %,d", weights, nonZero, sourceWeights));
    }

    /** {@code max(minimum-width, round(nonZero / perUnit))}, halves rounding up. */
    private int width(long nonZero, long perUnit) {
        long rounded = Math.round((double) nonZero / perUnit);
        return (int) Math.max(parameters.minimumWidth(), Math.min(rounded, Integer.MAX_VALUE));
    }

    /**
     * The non-zero entries of a layer's weights. Unstructured pruning masks a weight by storing it as an exact zero
     * (the pruning mask hook writes zeros after every update), and a trained float weight that survived is never
     * exactly zero, so the zeros are the mask: counting them needs no record of the pruning.
     */
    private static long nonZeroWeights(Network source, String vertex, long expected) {
        INDArray weights = NetworkWeights.copy(source, vertex, NetworkWeights.WEIGHT);
        if (weights.length() != expected) {
            throw new IllegalArgumentException("vertex '" + vertex + "' of the source network has weights "
                    + Arrays.toString(weights.shape()) + " (" + weights.length() + " values), but its spec ("
                    + source.spec().family() + ") gives " + expected);
        }
        long count = 0;
        for (double value : weights.data().asDouble()) {
            if (value != 0) {
                count++;
            }
        }
        return count;
    }

    private static String shape(InputShape input) {
        return input.channels() + "x" + input.height() + "x" + input.width();
    }
}

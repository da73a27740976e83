package org.distill4j.plugin.pruning;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.graph.GraphNetworkFactory;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.models.vgg.VggParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Small networks with informative weights (random batch-norm statistics too) for the surgery tests. */
final class PruningNetworks {

    static final InputShape IMAGE = new InputShape(1, 8, 8);

    /** A small VGG: conv1(8) conv2(8) M conv3(12) M, a flattened 2x2 map into a hidden dense layer. */
    static NetworkSpec vgg(boolean batchNorm, VggFinalPool finalPool) {
        return new VggFamily(new VggParams(null, List.of("8", "8", "M", "12", "M"), 1, batchNorm, List.of(6), 0,
                finalPool)).specify(IMAGE, 3);
    }

    static NetworkSpec resnet8() {
        return new ResnetFamily(new ResnetParams(8, List.of(4, 8, 8))).specify(IMAGE, 3);
    }

    /** The network with every parameter drawn at random: batch norms get non-trivial statistics and scales. */
    static Network randomised(NetworkSpec spec, long seed) {
        Network network = new GraphNetworkFactory().build(spec, seed);
        Nd4j.getRandom().setSeed(seed);
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.BatchNorm) {
                INDArray gamma = NetworkWeights.get(network, node.name(), NetworkWeights.GAMMA);
                gamma.assign(Nd4j.rand(DataType.FLOAT, gamma.shape()).addi(0.5));
                NetworkWeights.get(network, node.name(), NetworkWeights.BETA)
                        .assign(Nd4j.randn(DataType.FLOAT, gamma.shape()).muli(0.3));
                NetworkWeights.get(network, node.name(), NetworkWeights.MEAN)
                        .assign(Nd4j.randn(DataType.FLOAT, gamma.shape()).muli(0.3));
                NetworkWeights.get(network, node.name(), NetworkWeights.LOG10_STD)
                        .assign(Nd4j.rand(DataType.FLOAT, gamma.shape()).muli(0.4).subi(0.2));
            } else if (node instanceof NodeSpec.Conv2d || node instanceof NodeSpec.Dense) {
                if (NetworkWeights.has(network, node.name(), NetworkWeights.BIAS)) {
                    INDArray bias = NetworkWeights.get(network, node.name(), NetworkWeights.BIAS);
                    bias.assign(Nd4j.randn(DataType.FLOAT, bias.shape()).muli(0.1));
                }
            }
        }
        return network;
    }

    static INDArray images(int count, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, count, IMAGE.channels(), IMAGE.height(), IMAGE.width());
    }

    static INDArray logits(Network network, INDArray images) {
        return network.graph().outputSingle(false, images.dup()).dup();
    }

    private PruningNetworks() {
    }
}

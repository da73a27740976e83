package org.distill4j.models.graph;

import org.distill4j.api.network.ActivationFunction;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.models.mlp.MlpFamily;
import org.distill4j.models.mlp.MlpParams;
import org.distill4j.models.nin.NinFamily;
import org.distill4j.models.nin.NinParams;
import org.distill4j.models.nin.NinPool;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.wrn.WideResnetFamily;
import org.distill4j.models.wrn.WideResnetParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Narrow versions of every family on small inputs, so graph tests stay fast while covering every vertex type. */
final class SmallNetworks {

    static final InputShape COLOUR = new InputShape(3, 12, 12);
    static final InputShape GREY = new InputShape(1, 6, 6);

    private SmallNetworks() {
    }

    static NetworkSpec resnet() {
        return new ResnetFamily(new ResnetParams(8, List.of(4, 8, 16))).specify(COLOUR, 5);
    }

    static NetworkSpec wideResnet() {
        return new WideResnetFamily(new WideResnetParams(10, 1, 0.2)).specify(COLOUR, 5);
    }

    /** Pools three and four meet a 1x1 map and become identities. */
    static NetworkSpec vgg() {
        return new VggFamily(new VggParams(null, List.of("4", "M", "8", "M", "8", "M", "8", "M"), 1, true,
                List.of(12), 0.5, VggFinalPool.FLATTEN)).specify(GREY, 5);
    }

    static NetworkSpec mlp() {
        return new MlpFamily(new MlpParams(List.of(16, 8), 0.5, 0.2)).specify(GREY, 5);
    }

    /** The vertex types no family uses yet: average pooling and L2 normalisation (embedding heads). */
    static NetworkSpec embedding() {
        return new NetworkSpec("embedding", COLOUR, List.of(
                new NodeSpec.Conv2d("conv", NetworkSpec.INPUT, 6, 3, 2, 1, true),
                new NodeSpec.Relu("conv.relu", "conv"),
                new NodeSpec.AvgPool("average", "conv.relu", 2, 2),
                new NodeSpec.GlobalAvgPool("pool", "average"),
                new NodeSpec.Dense("embedding", "pool", 4, true),
                new NodeSpec.L2Normalize("embedding.normalized", "embedding"),
                new NodeSpec.Dense("logits", "embedding.normalized", 5, true)));
    }

    /** A NIN with a smooth non-linearity and average pooling (the activation vertex type). */
    static NetworkSpec nin() {
        return new NinFamily(new NinParams(List.of(3, 4, 5), ActivationFunction.ELU, NinPool.AVG)).specify(GREY, 5);
    }

    static List<NetworkSpec> all() {
        return List.of(resnet(), wideResnet(), vgg(), mlp(), embedding(), nin());
    }

    static INDArray input(InputShape shape, int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, batch, shape.channels(), shape.height(), shape.width());
    }
}

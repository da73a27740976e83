package org.distill4j.models;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.models.embedding.EmbeddingNetFamily;
import org.distill4j.models.embedding.EmbeddingNetParams;
import org.distill4j.models.mlp.MlpFamily;
import org.distill4j.models.mlp.MlpParams;
import org.distill4j.models.nin.NinFamily;
import org.distill4j.models.nin.NinParams;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.wrn.WideResnetFamily;
import org.distill4j.models.wrn.WideResnetParams;

import java.util.List;

/** The built-in model families: mlp, vgg, resnet, wrn, nin and embedding-net. */
public final class ModelsPlugin implements Distill4jPlugin {

    @Override
    public String name() {
        return "models";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.modelFamily(MlpFamily.NAME, MlpParams.class, MlpFamily.class,
                        "multilayer perceptron with ReLU hidden layers and optional dropout (Hinton's MNIST nets)",
                        "Hinton, Vinyals, Dean. Distilling the Knowledge in a Neural Network. arXiv:1503.02531, 2015"),
                Component.modelFamily(VggFamily.NAME, VggParams.class, VggFamily.class,
                        "VGG (CIFAR form, batch norm): presets vgg11/13/16/19 or a custom layer list, width multiplier",
                        "Simonyan, Zisserman. Very Deep Convolutional Networks for Large-Scale Image Recognition. "
                                + "ICLR 2015"),
                Component.modelFamily(ResnetFamily.NAME, ResnetParams.class, ResnetFamily.class,
                        "CIFAR ResNet of depth 6n+2 (resnet8, 20, 56, 110, ...) with basic blocks",
                        "He, Zhang, Ren, Sun. Deep Residual Learning for Image Recognition. CVPR 2016"),
                Component.modelFamily(WideResnetFamily.NAME, WideResnetParams.class, WideResnetFamily.class,
                        "pre-activation Wide ResNet WRN-depth-k (WRN-16-1, WRN-16-2, WRN-40-2, ...)",
                        "Zagoruyko, Komodakis. Wide Residual Networks. BMVC 2016"),
                Component.modelFamily(NinFamily.NAME, NinParams.class, NinFamily.class,
                        "Network in Network (CIFAR form, no batch norm): three mlpconv blocks, the non-linearity and "
                                + "pooling chosen (elu or softplus and avg make it smooth, for input-gradient distillers)",
                        "Lin, Chen, Yan. Network In Network. ICLR 2014"),
                Component.modelFamily(EmbeddingNetFamily.NAME, EmbeddingNetParams.class, EmbeddingNetFamily.class,
                        "small CNN for metric learning: conv-BN-ReLU stages, global pooling, a unit-length 'embedding'"
                                + " head and the logits of the training classes (DarkRank's scaled-down nets)",
                        "Chen, Wang, Zhang. DarkRank: Accelerating Deep Metric Learning via Cross Sample Similarities"
                                + " Transfer. AAAI 2018"));
    }
}

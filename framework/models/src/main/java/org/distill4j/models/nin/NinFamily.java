package org.distill4j.models.nin;

import jakarta.inject.Inject;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.models.ParameterChecks;
import org.distill4j.models.SpecBuilder;

import java.util.Locale;
import java.util.Objects;

/**
 * Network in Network (Lin, Chen and Yan 2014) in its CIFAR form, without batch norm or dropout: three mlpconv
 * blocks, each a k x k convolution (k = 5, 5, 3) followed by two 1x1 convolutions, every convolution followed by
 * the non-linearity; a 2x2 pooling (stride 2) after the first two blocks; global average pooling and a dense layer
 * to the logits (the same function as the paper's last 1x1 convolution to the classes before the average).
 *
 * <p>Vertices: {@code block{b}.conv{k}} and {@code block{b}.conv{k}.{function}} (e.g. {@code block1.conv2.relu})
 * for k = 1..3, {@code block{b}.output} (the block's last activation, the attention-transfer tap), {@code pool{b}}
 * for b = 1, 2, {@code pool} (global average) and {@code logits}.
 *
 * <p>Default {@code initialisation} ({@link org.distill4j.api.network.Initialisation}): torch-default: no official PyTorch code for these NINs.
 */
public final class NinFamily implements ModelFamily {

    public static final String NAME = "nin";

    private static final int[] FIRST_KERNELS = {5, 5, 3};
    private static final int POOL_SIZE = 2;

    private final NinParams parameters;

    @Inject
    public NinFamily(NinParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        ParameterChecks.classes(NAME, classes);
        SpecBuilder spec = new SpecBuilder(NAME, input, parameters.initialisation());
        String function = parameters.activation().name().toLowerCase(Locale.ROOT);
        for (int block = 1; block <= NinParams.BLOCKS; block++) {
            int width = parameters.widths().get(block - 1);
            for (int convolution = 1; convolution <= 3; convolution++) {
                String name = "block" + block + ".conv" + convolution;
                int kernel = convolution == 1 ? FIRST_KERNELS[block - 1] : 1;
                spec.convolution(name, width, kernel, 1, true);
                spec.activation(name + "." + function, parameters.activation());
            }
            spec.identity("block" + block + ".output");
            if (block < NinParams.BLOCKS) {
                String pool = "pool" + block;
                if (parameters.pool() == NinPool.MAX) {
                    spec.maxPool(pool, POOL_SIZE, POOL_SIZE);
                } else {
                    spec.avgPool(pool, POOL_SIZE, POOL_SIZE);
                }
            }
        }
        spec.globalAvgPool("pool");
        spec.dense(NetworkSpec.LOGITS, classes, true);
        return spec.build();
    }
}

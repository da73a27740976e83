package org.distill4j.models.vgg;

import jakarta.inject.Inject;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.models.ParameterChecks;
import org.distill4j.models.SpecBuilder;

import java.util.List;
import java.util.Objects;

/**
 * VGG for small images (Simonyan and Zisserman 2015, in the CIFAR form with batch normalisation).
 *
 * <p>Vertices: convolutions numbered in order {@code conv{i}} (3x3, padding 1, bias only without batch norm),
 * {@code conv{i}.bn}, {@code conv{i}.relu}; pools numbered in order {@code pool{j}}; {@code pool} (only with
 * {@code final-pool: global-avg}); classifier hidden layers {@code fc{k}}, {@code fc{k}.relu}, {@code fc{k}.dropout}
 * (only with dropout); {@code logits}.
 *
 * <p>Small inputs: a 2x2 max-pool (stride 2, no padding, floor) is applied only while the map is at least 2x2;
 * once it is smaller, {@code pool{j}} is an identity vertex. So 28x28 inputs go 28, 14, 7, 3, 1 and the fifth pool
 * of vgg16 and vgg19 passes its 1x1 map through, while 32x32 inputs go 32, 16, 8, 4, 2, 1. Names and parameter
 * counts are the same for both.
 *
 * <p>Default {@code initialisation} ({@link org.distill4j.api.network.Initialisation}): kaiming-normal-fan-out-dense-normal, as HobbitLong/RepDistiller {@code models/vgg.py} {@code _initialize_weights}.
 */
public final class VggFamily implements ModelFamily {

    public static final String NAME = "vgg";

    private static final int POOL_SIZE = 2;

    private final VggParams parameters;

    @Inject
    public VggFamily(VggParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        ParameterChecks.classes(NAME, classes);
        SpecBuilder spec = new SpecBuilder(NAME, input, parameters.initialisation());
        int height = input.height();
        int width = input.width();
        int convolutions = 0;
        int pools = 0;
        for (VggLayer layer : parameters.configuration()) {
            if (layer instanceof VggLayer.Convolution convolution) {
                convolutions++;
                addConvolution(spec, "conv" + convolutions, parameters.scaled(convolution.width()));
            } else {
                pools++;
                String name = "pool" + pools;
                if (height >= POOL_SIZE && width >= POOL_SIZE) {
                    spec.maxPool(name, POOL_SIZE, POOL_SIZE);
                    height /= POOL_SIZE;
                    width /= POOL_SIZE;
                } else {
                    spec.identity(name);
                }
            }
        }
        if (parameters.finalPool() == VggFinalPool.GLOBAL_AVG) {
            spec.globalAvgPool("pool");
        }
        addClassifier(spec, parameters.hidden(), classes);
        return spec.build();
    }

    private void addConvolution(SpecBuilder spec, String name, int width) {
        spec.convolution(name, width, 3, 1, !parameters.batchNorm());
        if (parameters.batchNorm()) {
            spec.batchNorm(name + ".bn");
        }
        spec.relu(name + ".relu");
    }

    private void addClassifier(SpecBuilder spec, List<Integer> hidden, int classes) {
        for (int layer = 1; layer <= hidden.size(); layer++) {
            String name = "fc" + layer;
            spec.dense(name, hidden.get(layer - 1), true).relu(name + ".relu");
            if (parameters.dropout() > 0) {
                spec.dropout(name + ".dropout", parameters.dropout());
            }
        }
        spec.dense(NetworkSpec.LOGITS, classes, true);
    }
}

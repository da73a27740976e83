package org.distill4j.models.mlp;

import jakarta.inject.Inject;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.models.ParameterChecks;
import org.distill4j.models.SpecBuilder;

import java.util.List;
import java.util.Objects;

/**
 * A multilayer perceptron on the flattened image (Hinton et al. 2015). Vertices: {@code input.dropout} (only with
 * input dropout), then for each hidden layer i = 1, 2, ...: {@code fc{i}}, {@code fc{i}.relu}, {@code fc{i}.dropout}
 * (only with dropout); then {@code logits}.
 *
 * <p>Default {@code initialisation} ({@link org.distill4j.api.network.Initialisation}): torch-default: Hinton et al. published no code; PyTorch's {@code nn.Linear} defaults.
 */
public final class MlpFamily implements ModelFamily {

    public static final String NAME = "mlp";

    private final MlpParams parameters;

    @Inject
    public MlpFamily(MlpParams parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public NetworkSpec specify(InputShape input, int classes) {
        ParameterChecks.classes(NAME, classes);
        SpecBuilder spec = new SpecBuilder(NAME, input, parameters.initialisation());
        if (parameters.inputDropout() > 0) {
            spec.dropout("input.dropout", parameters.inputDropout());
        }
        List<Integer> hidden = parameters.hidden();
        for (int layer = 1; layer <= hidden.size(); layer++) {
            String name = "fc" + layer;
            spec.dense(name, hidden.get(layer - 1), true).relu(name + ".relu");
            if (parameters.dropout() > 0) {
                spec.dropout(name + ".dropout", parameters.dropout());
            }
        }
        return spec.dense(NetworkSpec.LOGITS, classes, true).build();
    }
}

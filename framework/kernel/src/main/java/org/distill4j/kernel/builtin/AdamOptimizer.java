package org.distill4j.kernel.builtin;

import jakarta.inject.Inject;
import org.distill4j.api.Optimizer;
import org.distill4j.api.WeightDecayScope;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.Objects;

/** Adam, through DL4J's own updater. */
public final class AdamOptimizer implements Optimizer {

    private final AdamParams params;

    @Inject
    public AdamOptimizer(AdamParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public double learningRate() {
        return params.learningRate();
    }

    @Override
    public double weightDecay() {
        return params.weightDecay();
    }

    @Override
    public WeightDecayScope weightDecayScope() {
        return params.weightDecayScope();
    }

    @Override
    public IUpdater updater(double learningRate) {
        return new Adam(learningRate, params.beta1(), params.beta2(), params.epsilon());
    }
}

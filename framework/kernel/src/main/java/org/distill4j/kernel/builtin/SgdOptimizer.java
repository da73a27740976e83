package org.distill4j.kernel.builtin;

import jakarta.inject.Inject;
import org.distill4j.api.Optimizer;
import org.distill4j.api.WeightDecayScope;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.Objects;

/** SGD with classical or Nesterov momentum and coupled L2 weight decay, as {@code torch.optim.SGD}. */
public final class SgdOptimizer implements Optimizer {

    private final SgdParams params;

    @Inject
    public SgdOptimizer(SgdParams params) {
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
        return new MomentumSgd(learningRate, params.momentum(), params.nesterov());
    }
}

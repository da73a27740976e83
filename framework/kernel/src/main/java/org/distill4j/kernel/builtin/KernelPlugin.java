package org.distill4j.kernel.builtin;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.NoParameters;

import java.util.List;

/** The optimizers and learning-rate schedules that ship with the kernel. */
public final class KernelPlugin implements Distill4jPlugin {

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.optimizer("sgd", SgdParams.class, SgdOptimizer.class,
                        "SGD with classical or Nesterov momentum and L2 weight decay (PyTorch semantics)", ""),
                Component.optimizer("adam", AdamParams.class, AdamOptimizer.class,
                        "Adam with optional L2 weight decay", "Kingma & Ba, ICLR 2015, arXiv:1412.6980"),
                Component.schedule("constant", NoParameters.class, ConstantSchedule.class,
                        "the base learning rate throughout", ""),
                Component.schedule("multi-step", MultiStepParams.class, MultiStepSchedule.class,
                        "multiply the rate by gamma at each milestone epoch", ""),
                Component.schedule("cosine", CosineParams.class, CosineSchedule.class,
                        "cosine annealing over the training stage", "Loshchilov & Hutter, ICLR 2017, arXiv:1608.03983"));
    }
}

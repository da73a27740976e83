package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;
import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.kernel.engine.Augmentation;
import org.distill4j.kernel.engine.ClassBalancedSampler;
import org.distill4j.kernel.engine.Selection;

/**
 * How the student is trained: the {@code training} section of a descriptor (and of each earlier stage), bound by the
 * {@link org.distill4j.kernel.parameters.ParameterBinder}, which checks every range and default; the run creates the
 * optimizer and schedule components from it. docs/descriptors.md documents every key.
 */
public record TrainingPlan(
        @Parameter(description = "passes over the training split")
        @Range(min = 1) int epochs,
        @Parameter(description = "images per step", defaultValue = "128")
        @Range(min = 1) int batchSize,
        @Parameter(description = "the optimizer component: {name, params}", defaultValue = "{name: sgd}")
        @Refers(ComponentKind.OPTIMIZER) ResolvedComponent optimizer,
        @Parameter(description = "the learning-rate schedule component: {name, params}",
                defaultValue = "{name: constant}")
        @Refers(ComponentKind.SCHEDULE) ResolvedComponent schedule,
        @Parameter(description = "training-time augmentation", defaultValue = "{}")
        Augmentation augmentation,
        @Parameter(description = "which epoch's student the run reports", defaultValue = "last")
        Selection select,
        @Parameter(description = "measure test accuracy after every epoch (for plots; never for selection)",
                defaultValue = "true")
        boolean evaluateTestEveryEpoch,
        @Parameter(description = "an L1 penalty on batch-norm scales: lambda * sign(gamma) added to every"
                + " batch-norm scale's gradient before each update (channel pruning's sparsity training); 0 for"
                + " none",
                defaultValue = "0") @Range(min = 0) double batchNormL1,
        @Parameter(description = "P x K batches for metric learning: {classes-per-batch, images-per-class}, the"
                + " rest of each batch random images; plain shuffled batches when absent",
                defaultValue = Parameter.ABSENT) ClassBalancedSampler sampler) {

    public TrainingPlan {
        if (sampler != null) {
            sampler.requireFits(batchSize);
        }
    }
}

package org.distill4j.kernel.builtin;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.List;

/** Parameters of the {@code multi-step} schedule (PyTorch's MultiStepLR). */
public record MultiStepParams(
        @Parameter(description = "epochs (counted from 0) at which the rate is multiplied by gamma, increasing")
        @Range(min = 1) List<Integer> milestones,
        @Parameter(description = "factor applied at each milestone", defaultValue = "0.1")
        @Range(min = 0, max = 1, minExclusive = true) double gamma) {

    public MultiStepParams {
        milestones = List.copyOf(milestones);
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                throw new IllegalArgumentException("milestones must increase strictly, got " + milestones);
            }
        }
    }
}

package org.distill4j.plugin.vid;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of {@code vid}. Defaults are RepDistiller's: beta 1 ({@code scripts/run_cifar_distill.sh}), a regressor
 * whose hidden width is the teacher's channel count ({@code train_student.py}: {@code VIDLoss(s, t, t)}), an initial
 * variance of 5 and an epsilon of 1e-5 ({@code distiller_zoo/VID.py}).
 */
public record VidParams(
        @Parameter(description = "student and teacher feature maps, e.g. [{student: stage1.output, teacher:"
                + " stage1.output}, ...] (RepDistiller pairs every group output); spatial sizes may differ by an"
                + " integer factor (the larger map is average-pooled first)") List<VidPair> pairs,
        @Parameter(description = "weight beta of the summed VID terms (RepDistiller -b 1)", defaultValue = "1")
        @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "hidden channels of the 3-layer 1x1-conv regressor; the pair's teacher channels"
                + " when left out (RepDistiller)", defaultValue = Parameter.ABSENT) @Range(min = 1)
        Integer midChannels,
        @Parameter(description = "every channel's variance sigma^2 before training (RepDistiller init_pred_var)",
                defaultValue = "5.0") @Range(min = 0, minExclusive = true) double initVariance,
        @Parameter(description = "floor added to softplus(log-scale) in the variance (RepDistiller eps)",
                defaultValue = "1e-5") @Range(min = 0) double epsilon) {

    public VidParams {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs needs at least one {student: <vertex>, teacher: <vertex>},"
                    + " e.g. [{student: stage1.output, teacher: stage1.output}]");
        }
        Set<VidPair> seen = new HashSet<>();
        for (VidPair pair : pairs) {
            if (pair == null) {
                throw new IllegalArgumentException("pairs lists an empty entry; give {student: <vertex>, teacher:"
                        + " <vertex>}");
            }
            if (!seen.add(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is listed twice; each pair gets one regressor");
            }
        }
        pairs = List.copyOf(pairs);
        if (midChannels != null && midChannels < 1) {
            throw new IllegalArgumentException("mid-channels must be >= 1, got " + midChannels
                    + "; leave it out for the teacher's channels");
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
        // softplus(log-scale) = init-variance - epsilon must be positive for the log-scale to exist.
        if (!(initVariance > epsilon) || !Double.isFinite(initVariance)) {
            throw new IllegalArgumentException("init-variance must be finite and greater than epsilon (" + epsilon
                    + "), since softplus(log-scale) + epsilon can only reach values above epsilon, got "
                    + initVariance);
        }
    }

    /** RepDistiller's settings for the given pairs. */
    public VidParams(List<VidPair> pairs) {
        this(pairs, 1, null, 5.0, 1e-5);
    }

    /** The regressor's hidden width for a pair whose teacher map has {@code teacherChannels}. */
    long hiddenChannels(long teacherChannels) {
        return midChannels == null ? teacherChannels : midChannels;
    }
}

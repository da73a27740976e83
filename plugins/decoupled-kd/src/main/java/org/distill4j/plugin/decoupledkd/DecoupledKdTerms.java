package org.distill4j.plugin.decoupledkd;

import org.distill4j.api.Losses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The two parts DKD splits the KD loss into, each the mean over the batch of a KL divergence between the teacher's
 * and the student's tempered predictions, as {@code dkd_loss} in mdistiller's {@code mdistiller/distillers/DKD.py}
 * computes them (before its {@code T^2} factor). Inputs are logits already divided by the temperature, and the one-hot
 * labels, which are mdistiller's {@code gt_mask} ({@code other_mask} is their complement).
 */
final class DecoupledKdTerms {

    /**
     * What mdistiller subtracts from the target class's tempered logit, {@code z / T - 1000 * gt_mask}, to leave the
     * target class out of the non-target softmax. It is an offset, not an exact mask: the target keeps a probability
     * of about {@code exp(z_target / T - 1000 - logsumexp)}, which is 0 in float and double unless its tempered logit
     * is about 1000 above the others'; and since the offset is applied after the division by T, it is 1000 T in
     * logit units.
     */
    static final double TARGET_OFFSET = 1000.0;

    /**
     * TCKD before {@code T^2}: {@code 1/B sum_b KL([p_t, 1 - p_t] || [q_t, 1 - q_t])} with {@code p_t} and {@code q_t}
     * the teacher's and the student's tempered probabilities of the target class ({@code cat_mask} of mdistiller).
     *
     * @param student    student logits divided by T, {@code [B, C]}
     * @param teacher    teacher logits divided by T, {@code [B, C]}
     * @param targetMask one-hot labels, {@code [B, C]}
     */
    static SDVariable targetClass(SameDiff sameDiff, SDVariable student, SDVariable teacher, SDVariable targetMask) {
        Binary studentBinary = Binary.of(sameDiff, student, targetMask);
        Binary teacherBinary = Binary.of(sameDiff, teacher, targetMask);
        SDVariable target = sameDiff.math().exp(teacherBinary.logTarget())
                .mul(teacherBinary.logTarget().sub(studentBinary.logTarget()));
        SDVariable other = sameDiff.math().exp(teacherBinary.logOther())
                .mul(teacherBinary.logOther().sub(studentBinary.logOther()));
        // [B, 1]: the mean over all its elements is the mean over the batch (a sum over the axis of size 1 is not
        // scheduled by the kernel's loss runner).
        return target.add(other).mean();
    }

    /**
     * NCKD before {@code T^2}: {@code 1/B sum_b KL(softmax(z_t/T - 1000 g) || softmax(z_s/T - 1000 g))} with
     * {@code g} the one-hot target: the KL divergence of the distributions over the non-target classes. The
     * target's masked probabilities are 0 in floating point, so it adds nothing to the sum, and the student's target
     * logit receives no gradient from this term: that gradient is the difference of the two masked probabilities.
     *
     * @param student    student logits divided by T, {@code [B, C]}
     * @param teacher    teacher logits divided by T, {@code [B, C]}
     * @param targetMask one-hot labels, {@code [B, C]}
     */
    static SDVariable nonTargetClass(SameDiff sameDiff, SDVariable student, SDVariable teacher,
            SDVariable targetMask) {
        SDVariable offset = targetMask.mul(TARGET_OFFSET);
        SDVariable studentLog = Losses.logSoftmax(sameDiff, student.sub(offset));
        SDVariable teacherLog = Losses.logSoftmax(sameDiff, teacher.sub(offset));
        return sameDiff.math().exp(teacherLog).mul(teacherLog.sub(studentLog)).sum(1).mean();
    }

    /**
     * The log-probabilities of the binary "target or not" distribution, {@code [B, 1]} each: mdistiller's
     * {@code log(cat_mask(softmax(z / T)))}, computed in log-sum-exp form. mdistiller sums the non-target
     * probabilities and takes the logarithm, which is {@code -inf} in float once the target's probability rounds to
     * 1 (tempered logit gaps beyond about 100); the same value here stays finite.
     */
    record Binary(SDVariable logTarget, SDVariable logOther) {

        static Binary of(SameDiff sameDiff, SDVariable logits, SDVariable targetMask) {
            SDVariable logProbabilities = Losses.logSoftmax(sameDiff, logits);
            SDVariable logTarget = logProbabilities.mul(targetMask).sum(true, 1);
            SDVariable otherMask = targetMask.rsub(1.0);
            // The largest non-target log-probability: the target entry is pushed below the row's minimum first.
            // Any shift gives the same log-sum-exp; its gradient cancels.
            SDVariable spread = logProbabilities.max(true, 1).sub(logProbabilities.min(true, 1)).add(1.0);
            SDVariable otherMax = logProbabilities.sub(targetMask.mul(spread)).max(true, 1);
            // Zeroing the target entry before exp keeps it from overflowing (inf * 0 would be NaN); the mask then
            // drops it from the sum.
            SDVariable shifted = logProbabilities.sub(otherMax).mul(otherMask);
            SDVariable otherSum = sameDiff.math().exp(shifted).mul(otherMask).sum(true, 1);
            return new Binary(logTarget, sameDiff.math().log(otherSum).add(otherMax));
        }
    }

    private DecoupledKdTerms() {
    }
}

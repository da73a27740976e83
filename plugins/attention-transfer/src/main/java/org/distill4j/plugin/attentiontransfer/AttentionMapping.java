package org.distill4j.plugin.attentiontransfer;

/**
 * How a feature map {@code A} of {@code C x H x W} becomes a spatial attention map of {@code H x W}
 * (Zagoruyko and Komodakis 2017, §3.1). The paper found {@link #SUM_P} with p = 2 best; it is the only one in the
 * official code.
 */
public enum AttentionMapping {
    /** {@code F_sum(A) = sum_c |A_c|}. */
    SUM,
    /** {@code F_sum^p(A) = sum_c |A_c|^p}. */
    SUM_P,
    /** {@code F_max^p(A) = max_c |A_c|^p}. */
    MAX_P
}

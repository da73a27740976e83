package org.distill4j.plugin.fskd;

/**
 * The keys of {@link org.distill4j.api.Alignment#details()} the FSKD plugin's aligners write. The details go to
 * {@code metrics.json}, so they hold only what the same seed reproduces: the kernel times the alignment itself
 * ({@code alignment-seconds} in {@code provenance.json}).
 */
public final class FskdDetails {

    /** Number of images used (int). */
    public static final String SAMPLES = "samples";
    /** The aligned blocks' conv vertices, in forward order (list of strings). */
    public static final String BLOCKS = "blocks";
    /** fskd-bcd: condition number of X^T X per block (map vertex to double; Infinity when singular). */
    public static final String CONDITION_NUMBERS = "condition-numbers";
    /** fskd-bcd: the ridge lambda added per block, 0 where none was needed (map vertex to double). */
    public static final String RIDGE = "ridge";
    /** Mean squared block residual before alignment (map vertex to double). */
    public static final String RESIDUALS_BEFORE = "residuals-before";
    /** SGD aligners: mean training loss of each epoch (list of doubles). */
    public static final String EPOCH_LOSSES = "epoch-losses";

    private FskdDetails() {
    }
}

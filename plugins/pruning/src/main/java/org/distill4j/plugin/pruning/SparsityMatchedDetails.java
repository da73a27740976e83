package org.distill4j.plugin.pruning;

/**
 * What a sparsity-matched design records in {@code student-source}, beside the source run: the counts it matched.
 *
 * @param weights              the designed student's conv and dense weights
 * @param sourceWeights        the source's conv and dense weights
 * @param sourceNonZeroWeights the source's non-zero ones (what the design matches)
 */
record SparsityMatchedDetails(long weights, long sourceWeights, long sourceNonZeroWeights) {
}

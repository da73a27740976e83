package org.distill4j.plugin.darkrank;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The Plackett-Luce log-probabilities of every order of a short list, {@code log P(pi) = sum_i (S[pi(i)] -
 * logsumexp_{k >= i} S[pi(k)])}, as a SameDiff graph: the orders are a constant one-hot tensor, so reordering the
 * scores is one matrix product.
 */
final class DarkRankPermutations {

    /** Every order of {@code 0..length-1}, in lexicographic order: {@code order[p][i]} is the item at position i. */
    static int[][] all(int length) {
        List<int[]> orders = new ArrayList<>();
        permute(new int[length], new boolean[length], 0, orders);
        return orders.toArray(new int[0][]);
    }

    /**
     * {@code log P(pi)} for every order of the list, {@code [B, L!]} in the order of {@link #all}.
     *
     * @param scores {@code [B, L]}, item r of each list in column r
     */
    static SDVariable logProbabilities(SameDiff sameDiff, SDVariable scores, int length) {
        int[][] orders = all(length);
        // reorder[r, p * L + i] = 1 when order p puts item r at position i.
        double[][] reorder = new double[length][orders.length * length];
        for (int p = 0; p < orders.length; p++) {
            for (int i = 0; i < length; i++) {
                reorder[orders[p][i]][p * length + i] = 1;
            }
        }
        SDVariable ordered = scores.mmul(sameDiff.constant(Nd4j.createFromArray(reorder).castTo(scores.dataType())))
                .reshape(-1, orders.length, length);
        SDVariable logProbability = null;
        // The last position's factor is exp(S) / exp(S) = 1.
        for (int i = 0; i < length - 1; i++) {
            SDVariable position = ordered.get(SDIndex.all(), SDIndex.all(), SDIndex.point(i));
            SDVariable rest = ordered.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(i, length));
            // The maximum of each suffix itself, so a suffix of scores far below the list's best does not underflow.
            SDVariable maximum = rest.max(true, 2);
            SDVariable logSumExp = sameDiff.squeeze(maximum, 2)
                    .add(sameDiff.math().log(sameDiff.math().exp(rest.sub(maximum)).sum(2)));
            SDVariable factor = position.sub(logSumExp);
            logProbability = logProbability == null ? factor : logProbability.add(factor);
        }
        return logProbability;
    }

    private static void permute(int[] order, boolean[] used, int position, List<int[]> orders) {
        if (position == order.length) {
            orders.add(order.clone());
            return;
        }
        for (int item = 0; item < order.length; item++) {
            if (!used[item]) {
                used[item] = true;
                order[position] = item;
                permute(order, used, position + 1, orders);
                used[item] = false;
            }
        }
    }

    private DarkRankPermutations() {
    }
}

package org.distill4j.plugin.darkrank;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The Plackett-Luce log-probabilities of every order of a short list as a SameDiff graph:
 *
 * <pre>
 *   log P(pi) = sum_i ( S[pi(i)] - logsumexp_{k >= i} S[pi(k)] )
 * </pre>
 *
 * The items left at step i form a subset of the list, and the L! orders share only 2^L - 1 such subsets (63 for
 * L = 6, against 720 x 6 suffixes). So the normaliser of every subset is computed once, each factor
 * {@code S[r] - logsumexp(subset)} once per (subset, item), and every order sums its L factors through one product
 * with a constant 0/1 matrix.
 */
final class DarkRankPermutations {

    /** Every order of {@code 0..length-1}, in lexicographic order: {@code order[p][i]} is the item at position i. */
    static int[][] all(int length) {
        List<int[]> orders = new ArrayList<>();
        permute(new int[length], new boolean[length], 0, orders);
        return orders.toArray(new int[0][]);
    }

    /**
     * {@code log P(pi)} for every order of the list, {@code [N, L!]} in the order of {@link #all}.
     *
     * @param scores [N, L], item r of each list in column r
     * @param range  the width of an interval that holds every score; items outside a subset are pushed this far
     *               plus {@link DarkRankSimilarities#SCORE_GAP} below the lowest score, where their exponential is 0
     */
    static SDVariable logProbabilities(SameDiff sameDiff, SDVariable scores, int length, double range) {
        int subsets = (1 << length) - 1;
        int[][] orders = all(length);
        // Subset s (1 to 2^L - 1) holds item r when bit r of s is set; it sits in row s - 1.
        double[][][] exclusion = new double[1][subsets][length];
        for (int subset = 1; subset <= subsets; subset++) {
            for (int item = 0; item < length; item++) {
                if ((subset & (1 << item)) == 0) {
                    exclusion[0][subset - 1][item] = -(range + DarkRankSimilarities.SCORE_GAP);
                }
            }
        }
        // steps[(s - 1) * L + r, p] = 1 when order p places item r while the items of subset s are left.
        double[][] steps = new double[subsets * length][orders.length];
        for (int p = 0; p < orders.length; p++) {
            int left = subsets;
            for (int item : orders[p]) {
                steps[(left - 1) * length + item][p] = 1;
                left &= ~(1 << item);
            }
        }
        SDVariable items = scores.reshape(-1, 1, length);
        SDVariable normalisers = DarkRankSimilarities.logSumExp(sameDiff,
                items.add(sameDiff.constant(Nd4j.createFromArray(exclusion).castTo(scores.dataType()))));
        // Pairs of an item and a subset without it are never used; their factor is finite and multiplied by 0.
        SDVariable factors = items.sub(normalisers).reshape(-1, (long) subsets * length);
        return factors.mmul(sameDiff.constant(Nd4j.createFromArray(steps).castTo(scores.dataType())));
    }

    /** {@code length!}, the number of orders. */
    static int count(int length) {
        int count = 1;
        for (int i = 2; i <= length; i++) {
            count *= i;
        }
        return count;
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

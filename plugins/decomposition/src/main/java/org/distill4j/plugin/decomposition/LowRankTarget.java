package org.distill4j.plugin.decomposition;

/** How a conv's rank follows from its singular values (sorted largest first). */
public sealed interface LowRankTarget {

    /**
     * The rank to keep, between 1 and {@code singularValues.length}.
     *
     * @param singularValues the singular values of the reshaped weights, largest first
     */
    int rank(double[] singularValues);

    /** A fixed share of the full rank: r = max(1, ceil(ratio * full rank)). */
    record Ratio(double ratio) implements LowRankTarget {

        // ratio * full is often a whole number computed inexactly (0.3 * 10 = 3.0000000000000004); without this
        // slack ceil would keep one rank more than asked.
        private static final double SLACK = 1e-9;

        @Override
        public int rank(double[] singularValues) {
            int full = singularValues.length;
            int rank = (int) Math.ceil(ratio * full - SLACK);
            return Math.max(1, Math.min(full, rank));
        }
    }

    /** The smallest rank whose squared singular values reach this share of their sum. */
    record Energy(double share) implements LowRankTarget {

        // Rounding in the running sum must not push a rank that reaches the share exactly past it.
        private static final double SLACK = 1e-12;

        @Override
        public int rank(double[] singularValues) {
            double total = LowRankTarget.energy(singularValues, singularValues.length);
            if (total == 0) {
                return 1;
            }
            double kept = 0;
            for (int rank = 1; rank <= singularValues.length; rank++) {
                kept += singularValues[rank - 1] * singularValues[rank - 1];
                if (kept >= (share - SLACK) * total) {
                    return rank;
                }
            }
            return singularValues.length;
        }
    }

    /** The sum of the squares of the first {@code rank} singular values. */
    static double energy(double[] singularValues, int rank) {
        double sum = 0;
        for (int i = 0; i < rank; i++) {
            sum += singularValues[i] * singularValues[i];
        }
        return sum;
    }

    /** The share of the squared singular values that the first {@code rank} keep; 1 for an all-zero spectrum. */
    static double keptShare(double[] singularValues, int rank) {
        double total = energy(singularValues, singularValues.length);
        return total == 0 ? 1 : energy(singularValues, rank) / total;
    }
}

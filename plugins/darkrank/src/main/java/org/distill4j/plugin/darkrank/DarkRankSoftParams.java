package org.distill4j.plugin.darkrank;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code darkrank-soft}. Defaults: the paper's alpha = beta = 3 and TuSimple's list of the 4
 * teacher-nearest candidates (4! = 24 orders per query). The list length is bounded because ListNet enumerates every
 * order of the list; the bound is checked here, so a descriptor asking for more is rejected with the reason.
 */
public record DarkRankSoftParams(
        @Parameter(description = "alpha of the score S = -alpha d^beta between a query and a candidate",
                defaultValue = "3") @Range(min = 0, minExclusive = true) double alpha,
        @Parameter(description = "beta of the score S = -alpha d^beta (d the Euclidean distance of normalised"
                + " embeddings)", defaultValue = "3") @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "L, the teacher-nearest candidates of each query whose L! orders are compared,"
                + " from " + DarkRankSoftParams.MIN_LIST_LENGTH + " to " + DarkRankSoftParams.MAX_LIST_LENGTH,
                defaultValue = "4") int listLength,
        @Parameter(description = "the vector tap of both networks whose distances are ranked",
                defaultValue = "embedding") String embedding) {

    /** Two candidates are the shortest list with more than one order. */
    static final int MIN_LIST_LENGTH = 2;

    /**
     * 6! = 720 orders per query. The constant matrix that sums each order's factors holds L 2^L x L! entries, so
     * every step beyond multiplies the work by more than 2L (7 would hold 889 x 5040).
     */
    static final int MAX_LIST_LENGTH = 6;

    public DarkRankSoftParams {
        if (listLength < MIN_LIST_LENGTH) {
            throw new IllegalArgumentException("list-length " + listLength + ": ListNet compares the orders of at"
                    + " least " + MIN_LIST_LENGTH + " candidates; use " + MIN_LIST_LENGTH + " to " + MAX_LIST_LENGTH);
        }
        if (listLength > MAX_LIST_LENGTH) {
            throw new IllegalArgumentException("list-length " + listLength + ": ListNet enumerates all L! orders of"
                    + " the list, " + listLength + "! = " + orders(listLength) + " per query; use at most "
                    + MAX_LIST_LENGTH + " (" + orders(MAX_LIST_LENGTH) + " orders)");
        }
        embedding = tap(embedding);
    }

    /** The defaults: alpha = beta = 3, lists of 4, the {@code embedding} tap. */
    public DarkRankSoftParams() {
        this(3, 3, 4, "embedding");
    }

    static String tap(String embedding) {
        if (embedding == null || embedding.isBlank()) {
            throw new IllegalArgumentException("embedding must name a vector vertex of both networks, e.g. embedding,"
                    + " got " + (embedding == null ? "nothing" : "'" + embedding + "'"));
        }
        return embedding;
    }

    // 20! is the largest factorial a long holds; beyond it the count is only said to be huge.
    private static String orders(int length) {
        if (length > 20) {
            return "more than 10^18";
        }
        long orders = 1;
        for (int i = 2; i <= length; i++) {
            orders *= i;
        }
        return Long.toString(orders);
    }
}

package org.distill4j.plugin.darkrank;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of {@code darkrank-hard}. The score {@code S = -alpha d^beta} defaults to the paper's alpha = beta = 3,
 * which lenscloth/RKD's HardDarkRank also uses; the list is the paper's full list of the other samples of the batch,
 * and {@code list-length} 4 gives RKD's truncated variant.
 */
public record DarkRankHardParams(
        @Parameter(description = "alpha of the score S = -alpha d^beta between a query and a candidate",
                defaultValue = "3") @Range(min = 0, minExclusive = true) double alpha,
        @Parameter(description = "beta of the score S = -alpha d^beta (d the Euclidean distance of normalised"
                + " embeddings)", defaultValue = "3") @Range(min = 0, minExclusive = true) double beta,
        @Parameter(description = "candidates each query ranks: 0 for all B-1 other samples of the batch (the paper),"
                + " L >= 2 for only the L nearest by the teacher (a truncated Plackett-Luce, lenscloth/RKD)",
                defaultValue = "0") @Range(min = 0) int listLength,
        @Parameter(description = "the vector tap of both networks whose distances are ranked",
                defaultValue = "embedding") String embedding) {

    public DarkRankHardParams {
        if (listLength == 1) {
            throw new IllegalArgumentException("list-length 1: a list of one candidate has only one order and"
                    + " teaches nothing; use 0 for the full list of the other samples or L >= 2 for the L nearest");
        }
        embedding = DarkRankSoftParams.tap(embedding);
    }

    /** The paper's settings: alpha = beta = 3, the full list, the {@code embedding} tap. */
    public DarkRankHardParams() {
        this(3, 3, 0, "embedding");
    }
}

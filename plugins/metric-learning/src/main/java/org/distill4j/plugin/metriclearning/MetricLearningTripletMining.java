package org.distill4j.plugin.metriclearning;

/** Which triplets of a batch the triplet loss averages (Hermans, Beyer and Leibe 2017, section 2). */
public enum MetricLearningTripletMining {
    /**
     * Per anchor, its farthest positive and its nearest negative in the batch: {@code relu(max_p d_ap - min_n d_an +
     * m)}, the mean over anchors that have both.
     */
    BATCH_HARD,
    /**
     * Every valid triplet of the batch: the mean of {@code relu(d_ap - d_an + m)} over all (anchor, positive,
     * negative), easy triplets (zero loss) included in the count.
     */
    BATCH_ALL
}

package org.distill4j.report;

/** How a cell combines the values of its runs (one per seed); written in kebab-case in a table spec. */
public enum Aggregation {
    /** The mean, with the sample standard deviation (n - 1 in the denominator) when there are two runs or more. */
    MEAN_STD,
    /** The median: the middle value, or the mean of the two middle values. */
    MEDIAN,
    /** The largest value. */
    BEST,
    /** Every value, in the descriptor's seed order. */
    ALL
}

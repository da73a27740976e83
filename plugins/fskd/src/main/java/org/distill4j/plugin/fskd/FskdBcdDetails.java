package org.distill4j.plugin.fskd;

import java.util.List;
import java.util.Map;

/**
 * What {@code fskd-bcd} records in {@code alignment.details}. No times: the details go to {@code metrics.json},
 * which holds only what the same seed reproduces (the kernel times the alignment, {@code alignment-seconds}).
 *
 * @param samples          the images used
 * @param blocks           the aligned blocks' convs, in forward order
 * @param conditionNumbers the condition number of X^T X per block (Infinity when singular)
 * @param ridge            the ridge lambda added per block, 0 where none was needed
 * @param residualsBefore  the mean squared block residual before alignment, per block
 */
public record FskdBcdDetails(int samples, List<String> blocks, Map<String, Double> conditionNumbers,
        Map<String, Double> ridge, Map<String, Double> residualsBefore) {
}

package org.distill4j.plugin.fskd;

import java.util.List;
import java.util.Map;

/**
 * What the SGD few-sample aligners record in {@code alignment.details} (no times; see {@link FskdBcdDetails}).
 *
 * @param samples         the images used
 * @param blocks          the aligned blocks' convs, in forward order
 * @param residualsBefore the mean squared block residual before alignment, per block
 * @param epochLosses     the mean training loss of each epoch
 */
public record FewSampleDetails(int samples, List<String> blocks, Map<String, Double> residualsBefore,
        List<Double> epochLosses) {
}

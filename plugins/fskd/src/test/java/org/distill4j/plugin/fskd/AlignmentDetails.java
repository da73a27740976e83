package org.distill4j.plugin.fskd;

import org.distill4j.api.Alignment;

import java.util.Map;

/** The block residuals before alignment that every FSKD aligner records, whichever its details record. */
final class AlignmentDetails {

    private AlignmentDetails() {
    }

    static Map<String, Double> residualsBefore(Alignment alignment) {
        if (alignment.details() instanceof FskdBcdDetails details) {
            return details.residualsBefore();
        }
        return ((FewSampleDetails) alignment.details()).residualsBefore();
    }
}

package org.distill4j.plugin.pruning;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

/**
 * Parameters of the {@code sparsity-matched} family. The widths themselves come from the source network (the pruned
 * teacher named by {@code student.source}); only the floor under them is chosen here.
 *
 * @param minimumWidth the fewest channels (or units) a designed layer gets, however few weights the pruned layer kept
 */
public record SparsityMatchedParams(
        @Parameter(description = "the fewest channels or units a designed layer gets, however few non-zero weights"
                + " the source layer kept", defaultValue = "1") @Range(min = 1) int minimumWidth) {

    public SparsityMatchedParams {
        if (minimumWidth < 1) {
            throw new IllegalArgumentException("minimum-width must be >= 1, got " + minimumWidth);
        }
    }
}

package org.distill4j.plugin.fskd;

import org.distill4j.api.Compression;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;

import java.util.List;
import java.util.Objects;

/**
 * What every aligner of this plugin starts from: the folded student and its blocks with their teacher targets.
 *
 * @param folding the student with its conv-BN pairs folded
 * @param blocks  the blocks, in forward order
 */
record FskdAlignmentSetup(FoldedNetwork folding, List<FskdBlock> blocks) {

    FskdAlignmentSetup {
        Objects.requireNonNull(folding, "folding");
        blocks = List.copyOf(blocks);
    }

    static FskdAlignmentSetup prepare(Network teacher, Compression student, NetworkFactory factory, long seed) {
        FoldedNetwork folding = FskdFolding.fold(student.network(), factory, seed);
        List<FskdBlock> blocks = FskdBlocks.find(folding.network().spec(), teacher.spec(), student.keptChannels());
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("the " + student.network().spec().family() + " student has no FSKD"
                    + " block: no conv (after folding its batch norm) feeds a ReLU or other activation directly");
        }
        return new FskdAlignmentSetup(folding, blocks);
    }
}

package org.distill4j.plugin.attentiontransfer;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A pair's two activations at a common spatial size.
 *
 * @param student         {@code [B, studentChannels, height, width]}
 * @param teacher         {@code [B, teacherChannels, height, width]}
 */
record PairMaps(SDVariable student, SDVariable teacher, long studentChannels, long teacherChannels, long height,
        long width) {

    long positions() {
        return height * width;
    }
}

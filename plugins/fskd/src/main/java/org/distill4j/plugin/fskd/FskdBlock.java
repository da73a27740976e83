package org.distill4j.plugin.fskd;

import java.util.List;
import java.util.Objects;

/**
 * One FSKD block: a student conv whose (folded) output feeds a non-linearity, and the teacher tensor it is aligned to.
 *
 * @param vertex          the student conv (also the teacher's conv of that name)
 * @param channels        the student conv's output channels (Q is {@code channels x channels})
 * @param teacherVertex   the teacher's pre-activation: its batch norm after {@code vertex}, or the conv itself
 * @param teacherChannels the teacher channels the student's correspond to, in order (the compressor's kept channels)
 */
public record FskdBlock(String vertex, int channels, String teacherVertex, List<Integer> teacherChannels) {

    public FskdBlock {
        Objects.requireNonNull(vertex, "vertex");
        Objects.requireNonNull(teacherVertex, "teacherVertex");
        teacherChannels = List.copyOf(teacherChannels);
        if (teacherChannels.size() != channels) {
            throw new IllegalArgumentException("block '" + vertex + "' has " + channels + " student channels but "
                    + teacherChannels.size() + " teacher channels; Q is square, so the kept channels of '" + vertex
                    + "' must list one teacher channel per student channel");
        }
    }

    /** The 1x1 conv inserted after the block's conv. */
    public String qVertex() {
        return FskdQLayers.qName(vertex);
    }

    /** The teacher channel indices as longs, for ND4J indexing. */
    long[] teacherIndices() {
        return teacherChannels.stream().mapToLong(Integer::longValue).toArray();
    }
}

package org.distill4j.plugin.decomposition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LowRankTargetTest {

    @Test
    void ratioRoundsUpButNotOnRoundOffAndKeepsAtLeastOne() {
        double[] ten = new double[10];
        assertThat(new LowRankTarget.Ratio(0.3).rank(ten)).as("0.3 * 10 is 3.0000000000000004").isEqualTo(3);
        assertThat(new LowRankTarget.Ratio(0.31).rank(ten)).isEqualTo(4);
        assertThat(new LowRankTarget.Ratio(0.01).rank(ten)).isEqualTo(1);
        assertThat(new LowRankTarget.Ratio(1.0).rank(ten)).isEqualTo(10);
    }

    @Test
    void energyIsTheSmallestRankWhoseSquaresReachTheShare() {
        // Squares 9, 4, 1 of 14: one keeps 9/14 = 0.643, two 13/14 = 0.929, three all.
        double[] values = {3, 2, 1};
        assertThat(new LowRankTarget.Energy(0.6).rank(values)).isEqualTo(1);
        assertThat(new LowRankTarget.Energy(9.0 / 14).rank(values)).isEqualTo(1);
        assertThat(new LowRankTarget.Energy(0.65).rank(values)).isEqualTo(2);
        assertThat(new LowRankTarget.Energy(13.0 / 14).rank(values)).isEqualTo(2);
        assertThat(new LowRankTarget.Energy(0.93).rank(values)).isEqualTo(3);
        assertThat(new LowRankTarget.Energy(1.0).rank(values)).isEqualTo(3);
        assertThat(LowRankTarget.keptShare(values, 2)).isCloseTo(13.0 / 14, within(1e-15));
    }

    @Test
    void anAllZeroSpectrumKeepsOneRankAndAllOfItsNoEnergy() {
        double[] zeros = {0, 0, 0};
        assertThat(new LowRankTarget.Energy(0.9).rank(zeros)).isEqualTo(1);
        assertThat(LowRankTarget.keptShare(zeros, 1)).isEqualTo(1.0);
    }
}

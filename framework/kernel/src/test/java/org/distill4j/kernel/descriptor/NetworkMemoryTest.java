package org.distill4j.kernel.descriptor;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkMemoryTest {

    /** 10 inputs to 100 units and 100 to 2 logits, with biases: 1,100 + 202 = 1,302 parameters. */
    private static final NetworkSpec SMALL = new NetworkSpec("small", new InputShape(1, 1, 10), List.of(
            new NodeSpec.Dense("hidden", NetworkSpec.INPUT, 100, true),
            new NodeSpec.Dense(NetworkSpec.LOGITS, "hidden", 2, true)));

    @Test
    void aNetworkFitsWhenItsParametersTimesSixteenBytesFitTheLimit() {
        assertThat(SMALL.statistics().parameters()).isEqualTo(1302);

        assertThat(NetworkMemory.problem(SMALL, "student", 1302 * 16)).isEmpty();
        assertThat(NetworkMemory.problem(SMALL, "teacher", 1302 * 16 - 1)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("the teacher network (small) has 1,302 parameters"));
    }

    @Test
    void parameterCountsWhoseBytesOverflowAreStillTooLarge() {
        NetworkSpec huge = new NetworkSpec("huge", new InputShape(1, 1, Integer.MAX_VALUE), List.of(
                new NodeSpec.Dense(NetworkSpec.LOGITS, NetworkSpec.INPUT, Integer.MAX_VALUE, true)));

        assertThat(NetworkMemory.problem(huge, "student", Long.MAX_VALUE - 1)).isPresent();
    }
}

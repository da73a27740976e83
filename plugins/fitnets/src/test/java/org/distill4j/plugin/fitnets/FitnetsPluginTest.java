package org.distill4j.plugin.fitnets;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class FitnetsPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new FitnetsPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny student's conv1.relu (4x8x8) guided to the tiny teacher's conv2.relu (16x4x4): a 5x5 regressor
        // from 4 to 16 channels, trained with the student end to end. The contract trains with SGD at learning rate
        // 0.05, at which the paper's sum over 256 elements per sample diverges; the mean reduction does not.
        return "{student: conv1.relu, teacher: conv2.relu, reduction: code}";
    }
}

package org.distill4j.plugin.probabilistictransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class ProbabilisticTransferPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new ProbabilisticTransferPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny networks have no pool vertex: their last feature maps (8 and 16 channels, 4x4), flattened.
        return "{student: conv2.relu, beta: 100}";
    }
}

package org.distill4j.plugin.activationboundaries;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class ActivationBoundariesPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new ActivationBoundariesPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny student has 4 and 8 channels at conv1.bn (8x8) and conv2.bn (4x4), the teacher 8 and 16: both
        // pairs go through a connector, the batch-norm outputs being the pre-activations before each ReLU.
        return "{pairs: [{student: conv1.bn, teacher: conv1.bn}, {student: conv2.bn, teacher: conv2.bn}]}";
    }
}

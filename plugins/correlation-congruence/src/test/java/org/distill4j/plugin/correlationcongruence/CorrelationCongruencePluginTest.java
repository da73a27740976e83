package org.distill4j.plugin.correlationcongruence;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class CorrelationCongruencePluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new CorrelationCongruencePlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny networks have no pool vertex: their last feature maps (8 and 16 channels, 4x4), flattened into
        // trainable 16-wide embeddings.
        return "{student: conv2.relu, embedding-size: 16, beta: 1}";
    }
}

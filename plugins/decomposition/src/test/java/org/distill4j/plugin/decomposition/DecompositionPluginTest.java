package org.distill4j.plugin.decomposition;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class DecompositionPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new DecompositionPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        return "{rank-ratio: 0.25, layers: [conv2]}";
    }
}

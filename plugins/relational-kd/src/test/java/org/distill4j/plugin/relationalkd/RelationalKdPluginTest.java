package org.distill4j.plugin.relationalkd;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class RelationalKdPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new RelationalKdPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny networks' feature maps (student 8 x 4 x 4, teacher 16 x 4 x 4), flattened per sample.
        return "{student: conv2.relu, teacher: conv2.relu, distance-weight: 25, angle-weight: 50}";
    }
}

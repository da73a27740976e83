package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class NeuronSelectivityPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new NeuronSelectivityPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny student has 4 and 8 channels at conv1.relu (8x8) and conv2.relu (4x4), the teacher 8 and 16: the
        // second pair pools the student's 8x8 map to the teacher's 4x4.
        return "{pairs: [{student: conv2.relu, teacher: conv2.relu}, {student: conv1.relu, teacher: conv2.relu}]}";
    }
}

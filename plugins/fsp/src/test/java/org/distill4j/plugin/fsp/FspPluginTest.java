package org.distill4j.plugin.fsp;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.testkit.PluginContractTest;
import org.distill4j.testkit.TinyData;

class FspPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new FspPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny networks have conv1.relu (8x8), pool1 (4x4) and conv2.relu (4x4): the first pair pools conv1.relu.
        return "{pairs: [{student: [conv1.relu, conv2.relu]}, {student: [pool1, conv2.relu]}], weights: [1, 0.5]}";
    }

    @Override
    protected NetworkSpec tinyTeacher(Component<?> distiller) {
        // FSP needs equal channel counts at every pair, so the teacher has the student's widths (the paper's
        // students are shallower, not narrower).
        return TinyData.network(4, 3);
    }
}

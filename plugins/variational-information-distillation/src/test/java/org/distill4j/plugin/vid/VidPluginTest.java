package org.distill4j.plugin.vid;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class VidPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new VidPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny student has 4 and 8 channels at conv1.relu (8x8) and conv2.relu (4x4), the teacher 8 and 16: two
        // regressors that widen the channels, the second pair across sizes (the student's 8x8 map pooled to 4x4).
        return "{pairs: [{student: conv2.relu, teacher: conv2.relu}, {student: conv1.relu, teacher: conv2.relu}]}";
    }
}

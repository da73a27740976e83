package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class AttentionTransferPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new AttentionTransferPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny student has 4 and 8 channels at conv1.relu (8x8) and conv2.relu (4x4), the teacher 8 and 16:
        // activation transfer pairs equal channel counts, with the teacher's larger map pooled.
        return component.name().equals("attention-transfer")
                ? "{pairs: [{student: conv1.relu, teacher: conv1.relu}, {student: conv2.relu, teacher: conv2.relu}]}"
                : "{pairs: [{student: conv2.relu, teacher: conv1.relu}], mode: paper}";
    }
}

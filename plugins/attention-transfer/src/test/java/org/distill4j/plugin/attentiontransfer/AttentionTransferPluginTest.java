package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.testkit.PluginContractTest;

import java.util.List;

class AttentionTransferPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new AttentionTransferPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny student has 4 and 8 channels at conv1.relu (8x8) and conv2.relu (4x4), the teacher 8 and 16:
        // activation transfer pairs equal channel counts, with the teacher's larger map pooled.
        switch (component.name()) {
            case "attention-transfer":
                return "{pairs: [{student: conv1.relu, teacher: conv1.relu}, {student: conv2.relu, teacher: conv2.relu}]}";
            case "activation-transfer":
                return "{pairs: [{student: conv2.relu, teacher: conv1.relu}], mode: paper}";
            case "gradient-attention-transfer":
                return "{beta: 0.5, distance: squared}";
            default:
                return "{}";
        }
    }

    /** A teacher's input gradient needs a network without batch norm (and dropout). */
    @Override
    protected NetworkSpec tinyTeacher(Component<?> distiller) {
        if (!distiller.name().equals("gradient-attention-transfer")) {
            return super.tinyTeacher(distiller);
        }
        return new NetworkSpec("tiny-plain", new InputShape(1, 8, 8), List.of(
                new NodeSpec.Conv2d("conv1", NetworkSpec.INPUT, 8, 3, 1, 1, true),
                new NodeSpec.Relu("conv1.relu", "conv1"),
                new NodeSpec.MaxPool("pool1", "conv1.relu", 2, 2),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "pool1", 3, true)));
    }
}

package org.distill4j.plugin.factortransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class FactorTransferPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new FactorTransferPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny networks' last feature map: conv2.relu, 8 channels (student) and 16 (teacher) at 4x4. Run alone,
        // ft reads the paraphraser's encoder as zeros (no earlier stage here); the kernel's own tests cover the
        // hand-over between stages.
        return component.name().equals("ft") ? "{student: conv2.relu}" : "{teacher: conv2.relu}";
    }
}

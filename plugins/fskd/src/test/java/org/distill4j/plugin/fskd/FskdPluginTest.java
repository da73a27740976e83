package org.distill4j.plugin.fskd;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class FskdPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new FskdPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        return component.name().equals("fskd-bcd")
                ? "{samples: 50, batch-size: 25, ridge: 1e-5, condition-limit: 1e9}"
                : "{samples: 50, epochs: 3, batch-size: 10, learning-rate: 0.05, momentum: 0.5}";
    }
}

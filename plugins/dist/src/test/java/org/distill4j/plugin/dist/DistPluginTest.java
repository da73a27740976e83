package org.distill4j.plugin.dist;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class DistPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new DistPlugin();
    }
}

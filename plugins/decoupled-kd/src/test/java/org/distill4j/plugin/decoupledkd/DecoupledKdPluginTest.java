package org.distill4j.plugin.decoupledkd;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class DecoupledKdPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new DecoupledKdPlugin();
    }
}

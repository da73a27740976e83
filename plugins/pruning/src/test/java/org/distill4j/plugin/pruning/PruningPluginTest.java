package org.distill4j.plugin.pruning;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class PruningPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new PruningPlugin();
    }
}

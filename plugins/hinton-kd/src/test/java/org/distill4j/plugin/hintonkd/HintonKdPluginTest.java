package org.distill4j.plugin.hintonkd;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class HintonKdPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new HintonKdPlugin();
    }
}

package org.distill4j.plugin.darkrank;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.testkit.PluginContractTest;
import org.distill4j.testkit.TinyData;

import java.util.ArrayList;
import java.util.List;

class DarkRankPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new DarkRankPlugin();
    }

    @Override
    protected NetworkSpec tinyStudent(Component<?> distiller) {
        return withEmbedding(TinyData.network(4, 3), 6);
    }

    @Override
    protected NetworkSpec tinyTeacher(Component<?> distiller) {
        return withEmbedding(TinyData.network(8, 3), 8);
    }

    /**
     * The tiny network with its classifier on an L2-normalised {@code embedding}, as the embedding-net family has.
     * The teacher's graph has no taps while it trains, so a head beside the logits would dangle.
     */
    static NetworkSpec withEmbedding(NetworkSpec network, int width) {
        List<NodeSpec> nodes = new ArrayList<>(network.nodes());
        NodeSpec.Dense logits = (NodeSpec.Dense) nodes.remove(nodes.size() - 1);
        nodes.add(new NodeSpec.GlobalAvgPool("embedding.pool", logits.input()));
        nodes.add(new NodeSpec.Dense("embedding.linear", "embedding.pool", width, true));
        nodes.add(new NodeSpec.L2Normalize("embedding", "embedding.linear"));
        nodes.add(new NodeSpec.Dense(logits.name(), "embedding", logits.units(), logits.bias()));
        return new NetworkSpec(network.family(), network.input(), nodes, network.output());
    }
}

package org.distill4j.plugin.metriclearning;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.testkit.PluginContractTest;
import org.distill4j.testkit.TinyData;

import java.util.ArrayList;
import java.util.List;

class MetricLearningPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new MetricLearningPlugin();
    }

    @Override
    protected NetworkSpec tinyStudent(Component<?> distiller) {
        // The tiny network with its classifier on an L2-normalised embedding, as the embedding-net family has.
        NetworkSpec network = TinyData.network(4, 3);
        List<NodeSpec> nodes = new ArrayList<>(network.nodes());
        NodeSpec.Dense logits = (NodeSpec.Dense) nodes.remove(nodes.size() - 1);
        nodes.add(new NodeSpec.GlobalAvgPool("embedding.pool", logits.input()));
        nodes.add(new NodeSpec.Dense("embedding.linear", "embedding.pool", 6, true));
        nodes.add(new NodeSpec.L2Normalize("embedding", "embedding.linear"));
        nodes.add(new NodeSpec.Dense(logits.name(), "embedding", logits.units(), logits.bias()));
        return new NetworkSpec(network.family(), network.input(), nodes, network.output());
    }
}

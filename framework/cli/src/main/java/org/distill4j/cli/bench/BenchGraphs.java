package org.distill4j.cli.bench;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.Updaters;
import org.distill4j.kernel.engine.WeightDecay;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;

import java.util.Set;

/**
 * Graphs built the way a run builds its student (spec, taps, {@link GraphBuilder} with the family's initialisation,
 * {@link TrainableGraph}) and given the optimizer {@code Trainer} would put in: SGD with momentum 0.9 (no Nesterov),
 * weight decay 5e-4 on every trainable parameter (PyTorch's {@code SGD(model.parameters(), weight_decay=...)}, the
 * kernel's default scope) through the same {@link WeightDecay} hook, a constant learning rate. The PyTorch twin uses
 * the same optimizer.
 */
final class BenchGraphs {

    static final double LEARNING_RATE = 0.01;
    static final double MOMENTUM = 0.9;
    static final double WEIGHT_DECAY = 5e-4;
    static final long SEED = 42;

    static TrainableGraph trainable(NetworkSpec spec, Set<String> taps) {
        TrainableGraph graph = GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec,
                GraphSettings.inference(SEED).withTaps(taps))), spec, SEED);
        Updaters.configure(graph, optimizer(), new ConstantSchedule(), 1);
        graph.setEpoch(0);
        return graph;
    }

    /** What edits each update of this graph, as {@code Trainer} installs it: the weight decay. */
    static TrainableGraph.UpdateHook hook(TrainableGraph graph) {
        return WeightDecay.of(graph, optimizer(), TrainableGraph.UpdateHook.NONE);
    }

    private static SgdOptimizer optimizer() {
        return new SgdOptimizer(new SgdParams(LEARNING_RATE, MOMENTUM, false, WEIGHT_DECAY));
    }

    private BenchGraphs() {
    }
}

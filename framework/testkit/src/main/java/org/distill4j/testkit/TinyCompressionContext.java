package org.distill4j.testkit;

import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.Retraining;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkWeights;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.kernel.engine.Accuracy;
import org.distill4j.kernel.engine.Augmentation;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.PluginTrainingHook;
import org.distill4j.kernel.engine.ProgressListener;
import org.distill4j.kernel.engine.Selection;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.Trainer;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.distill4j.kernel.engine.TrainingSettings;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphNetworkFactory;
import org.distill4j.models.graph.GraphSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A compression context for compressor and aligner tests: the kernel's network factory, the given data, samples
 * taken from the start of the training split, retraining by one epoch of cross-entropy SGD with the kernel's
 * trainer and the compressor's training hook, and the progress lines kept for assertions.
 */
public final class TinyCompressionContext implements CompressionContext {

    private final Dataset data;
    private final long seed;
    private final List<String> lines = new ArrayList<>();
    private final List<String> retrained = new ArrayList<>();

    public TinyCompressionContext(Dataset data, long seed) {
        this.data = data;
        this.seed = seed;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public NetworkFactory networks() {
        return new GraphNetworkFactory();
    }

    @Override
    public DataSplit samples(int count) {
        if (count > data.train().size()) {
            throw new IllegalArgumentException("asked for " + count + " samples; the training split holds "
                    + data.train().size());
        }
        return data.train().select(IntStream.range(0, count).toArray());
    }

    @Override
    public Retraining retrain(Network network, TrainingHook hook, String label) {
        retrained.add(label);
        NetworkSpec spec = network.spec();
        TrainableGraph graph = GraphBuilder.initialise(
                new TrainableGraph(GraphBuilder.configure(spec, GraphSettings.inference(seed))), spec, seed);
        Network trained = new Network(spec, graph);
        NetworkWeights.copyMatching(network, trained);
        CompiledLoss loss = CompiledLoss.compile(List.of(new Objective("cross-entropy", new TaskCrossEntropy(), 1)),
                spec.shapes(), Map.of(), data.classes());
        TrainingSettings settings = new TrainingSettings(1, 32, new SgdOptimizer(new SgdParams(0.05, 0.9, false,
                5e-4)), new ConstantSchedule(), Augmentation.NONE, Selection.LAST, false);
        TrainingOutcome outcome = new Trainer(ProgressListener.SILENT).train(graph, Optional.empty(), loss, data,
                settings, PluginTrainingHook.start(hook, graph, TrainableGraph.UpdateHook.NONE), seed);
        NetworkWeights.copyMatching(trained, network);
        double validation = data.validation().size() == 0 ? Double.NaN : Accuracy.of(graph, data.validation());
        return new Retraining(1, Accuracy.of(graph, data.test()), validation, outcome.seconds());
    }

    /** The labels of every retraining asked for so far, in order. */
    public List<String> retrained() {
        return List.copyOf(retrained);
    }

    @Override
    public void report(String line) {
        lines.add(line);
    }

    /** Every line reported so far. */
    public List<String> reported() {
        return List.copyOf(lines);
    }
}

package org.distill4j.plugin.fskd;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.distill4j.api.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SGD engine shared by {@code fskd-sgd}, {@code few-sample-fitnet} and {@code few-sample-fine-tune}: momentum
 * SGD on the parameters of the vertices it is told to train, with the loss computed outside the graph
 * ({@link FewSampleGradients}). It updates the parameters itself so that it can train a subset (only the Qs, for
 * FSKD-SGD) of a graph built for inference.
 */
public final class FewSampleTrainer {

    private Network network;
    private final Predicate<String> trainable;
    private final Map<String, INDArray> velocities = new HashMap<>();
    private boolean workspacesChecked;

    /**
     * @param network   the network to train in place (a tapped copy when the objective reads intermediate vertices)
     * @param trainable which vertices' parameters change
     */
    public FewSampleTrainer(Network network, Predicate<String> trainable) {
        this.network = network;
        this.trainable = trainable;
    }

    /** The trained network (its graph may be a workspace-free rebuild of the one given, see {@link #step}). */
    public Network network() {
        return network;
    }

    /**
     * Trains for {@code settings.epochs()} epochs over the samples.
     *
     * @param features the N images
     * @param labels   their labels
     * @param targets  per block, the teacher targets of all N images ({@code [N, ...]}); empty for label objectives
     * @return the mean batch loss of each epoch (measured before each update)
     */
    public List<Double> train(INDArray features, int[] labels, List<INDArray> targets, FewSampleObjective objective,
            FewSampleSettings settings, long seed, String name, Consumer<String> report) {
        Random random = new Random(seed);
        int count = (int) features.size(0);
        List<Double> epochLosses = new ArrayList<>();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] order = permutation(count, random);
            double sum = 0;
            int batches = 0;
            for (int start = 0; start < count; start += settings.batchSize()) {
                int[] indices = java.util.Arrays.copyOfRange(order, start, Math.min(count, start + settings.batchSize()));
                sum += step(select(features, labels, targets, indices), objective, settings);
                batches++;
            }
            if (!Double.isFinite(sum)) {
                throw new IllegalStateException(name + " diverged in epoch " + epoch + " (loss " + sum / batches
                        + "); lower learning-rate (now " + settings.learningRate() + ") or momentum (now "
                        + settings.momentum() + ")");
            }
            epochLosses.add(sum / batches);
            if (epoch == 1 || epoch == settings.epochs() || epoch % Math.max(1, settings.epochs() / 10) == 0) {
                report.accept(String.format(Locale.ROOT, "%s epoch %d of %d: loss %.6g", name, epoch,
                        settings.epochs(), sum / batches));
            }
        }
        return List.copyOf(epochLosses);
    }

    /** One update on one batch; returns the batch loss before it. */
    double step(FewSampleBatch batch, FewSampleObjective objective, FewSampleSettings settings) {
        FewSampleStep step;
        try {
            step = FewSampleGradients.compute(network.graph(), batch, objective);
        } catch (RuntimeException workspaceFailure) {
            // DL4J's public external-errors backprop can fail while workspaces are enabled (docs/design.md §3): retry
            // once on a workspace-free copy of the graph with the same parameters.
            if (workspacesChecked) {
                throw workspaceFailure;
            }
            network = withoutWorkspaces(network);
            step = FewSampleGradients.compute(network.graph(), batch, objective);
        }
        workspacesChecked = true;
        for (Map.Entry<String, INDArray> entry : step.gradients().entrySet()) {
            String key = entry.getKey();
            int split = key.lastIndexOf('_');
            String vertex = key.substring(0, split);
            if (!trainable.test(vertex)) {
                continue;
            }
            INDArray parameter = network.graph().getLayer(vertex).getParam(key.substring(split + 1));
            INDArray gradient = entry.getValue().castTo(parameter.dataType());
            INDArray velocity = velocities.computeIfAbsent(key, unused -> gradient.like().assign(0));
            velocity.muli(settings.momentum()).addi(gradient);
            parameter.subi(velocity.mul(settings.learningRate()));
        }
        return step.loss();
    }

    static Network withoutWorkspaces(Network network) {
        ComputationGraphConfiguration configuration = network.graph().getConfiguration().clone();
        configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init(network.graph().params().dup(), false);
        return new Network(network.spec(), graph);
    }

    private static FewSampleBatch select(INDArray features, int[] labels, List<INDArray> targets, int[] indices) {
        long[] rows = java.util.Arrays.stream(indices).mapToLong(index -> index).toArray();
        int[] batchLabels = java.util.Arrays.stream(indices).map(index -> labels[index]).toArray();
        List<INDArray> batchTargets = targets.stream().map(target -> rowsOf(target, rows)).toList();
        return new FewSampleBatch(rowsOf(features, rows), batchLabels, batchTargets);
    }

    private static INDArray rowsOf(INDArray array, long[] rows) {
        INDArrayIndex[] indices = new INDArrayIndex[array.rank()];
        java.util.Arrays.fill(indices, NDArrayIndex.all());
        indices[0] = NDArrayIndex.indices(rows);
        return array.get(indices).dup();
    }

    private static int[] permutation(int count, Random random) {
        int[] order = new int[count];
        for (int index = 0; index < count; index++) {
            order[index] = index;
        }
        for (int index = count - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            int swap = order[index];
            order[index] = order[other];
            order[other] = swap;
        }
        return order;
    }
}

package org.distill4j.plugin.decomposition;

import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.Retraining;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.models.graph.GraphNetworkFactory;

import java.util.ArrayList;
import java.util.List;

/** A context that builds real graphs and records the progress lines; low-rank needs no data. */
final class LowRankTestContext implements CompressionContext {

    final List<String> lines = new ArrayList<>();

    @Override
    public Dataset data() {
        throw new UnsupportedOperationException("low-rank must not read data");
    }

    @Override
    public long seed() {
        return 11;
    }

    @Override
    public NetworkFactory networks() {
        return new GraphNetworkFactory();
    }

    @Override
    public DataSplit samples(int count) {
        throw new UnsupportedOperationException("low-rank must not read samples");
    }

    @Override
    public Retraining retrain(Network network, TrainingHook hook, String label) {
        throw new UnsupportedOperationException("low-rank must not retrain");
    }

    @Override
    public void report(String line) {
        lines.add(line);
    }
}

package org.distill4j.plugin.fskd;

import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.Retraining;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A hand-written CompressionContext: the first images of the training split, progress lines collected. */
final class FskdTestContext implements CompressionContext {

    private final Dataset data;
    private final List<String> lines = new ArrayList<>();

    FskdTestContext(Dataset data) {
        this.data = data;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public long seed() {
        return 7;
    }

    @Override
    public NetworkFactory networks() {
        return FskdTestNetworks.FACTORY;
    }

    @Override
    public DataSplit samples(int count) {
        if (count > data.train().size()) {
            throw new IllegalArgumentException("asked for " + count + " samples, the split has " + data.train().size());
        }
        return data.train().select(IntStream.range(0, count).toArray());
    }

    @Override
    public Retraining retrain(Network network, TrainingHook hook, String label) {
        throw new UnsupportedOperationException("an aligner must not retrain");
    }

    @Override
    public void report(String line) {
        lines.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}

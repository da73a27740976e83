package org.distill4j.testkit;

import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.models.graph.GraphNetworkFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A compression context for compressor and aligner tests: the kernel's network factory, the given data, samples
 * taken from the start of the training split, and the progress lines kept for assertions.
 */
public final class TinyCompressionContext implements CompressionContext {

    private final Dataset data;
    private final long seed;
    private final List<String> lines = new ArrayList<>();

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
    public void report(String line) {
        lines.add(line);
    }

    /** Every line reported so far. */
    public List<String> reported() {
        return List.copyOf(lines);
    }
}

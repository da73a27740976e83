package org.distill4j.kernel.run;

import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.Retraining;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.kernel.engine.Permutation;

import java.io.PrintStream;
import java.util.Random;

/**
 * A run's data, seed and console as compressors and aligners see them. The few-sample order is one permutation of
 * the training split drawn from the seed, so every aligner of a seed sees the same images, and a smaller sample is
 * the start of a larger one.
 */
final class RunCompressionContext implements CompressionContext {

    /** Mixed into the seed so the few-sample order differs from the order the training loop draws. */
    private static final long SAMPLE_ORDER_SALT = 0x5EED_F5CDL;

    private final Dataset data;
    private final long seed;
    private final NetworkFactory networks;
    private final PrintStream out;
    private final int[] order;
    private final Retrainer retrainer;

    /** Trains a network with a hook the way the run trains its student; see {@link CompressionContext#retrain}. */
    @FunctionalInterface
    interface Retrainer {
        Retraining retrain(Network network, TrainingHook hook, String label);
    }

    RunCompressionContext(Dataset data, long seed, NetworkFactory networks, PrintStream out, Retrainer retrainer) {
        this.data = data;
        this.seed = seed;
        this.networks = networks;
        this.out = out;
        this.retrainer = retrainer;
        this.order = Permutation.of(data.train().size(), new Random(seed ^ SAMPLE_ORDER_SALT));
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
        return networks;
    }

    @Override
    public DataSplit samples(int count) {
        check(count, data);
        int[] chosen = new int[count];
        System.arraycopy(order, 0, chosen, 0, count);
        return data.train().select(chosen);
    }

    @Override
    public Retraining retrain(Network network, TrainingHook hook, String label) {
        return retrainer.retrain(network, hook, label);
    }

    @Override
    public void report(String line) {
        out.println("   " + line);
    }

    /** Rejects a sample count the training split cannot supply, with both numbers. */
    static void check(int count, Dataset data) {
        if (count < 1 || count > data.train().size()) {
            throw new IllegalArgumentException("the aligner asks for " + count + " training images, but the training"
                    + " split of " + data.name() + " holds " + data.train().size() + "; ask for between 1 and "
                    + data.train().size());
        }
    }
}

package org.distill4j.testkit;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Tiny, fast, class-structured data and networks for plugin tests. */
public final class TinyData {

    /** 1x8x8 images of {@code classes} classes: a fixed random template per class plus noise. */
    public static Dataset dataset(int classes, int train, int test, long seed) {
        Random random = new Random(seed);
        float[][] templates = new float[classes][64];
        for (float[] template : templates) {
            for (int i = 0; i < template.length; i++) {
                template[i] = (float) random.nextGaussian();
            }
        }
        List<String> names = IntStream.range(0, classes).mapToObj(i -> "class-" + i).toList();
        return new Dataset("tiny", new InputShape(1, 8, 8), names, split(templates, train, random),
                split(templates, Math.max(classes, train / 5), random), split(templates, test, random), List.of());
    }

    /**
     * conv3x3(c)-BN-ReLU-maxpool-conv3x3(2c)-BN-ReLU-dense on 1x8x8, with vertices {@code conv1}, {@code conv1.relu},
     * {@code pool1}, {@code conv2}, {@code conv2.relu}, {@code logits} (the shape of the model families' names).
     */
    public static NetworkSpec network(int width, int classes) {
        return new NetworkSpec("tiny", new InputShape(1, 8, 8), List.of(
                new NodeSpec.Conv2d("conv1", NetworkSpec.INPUT, width, 3, 1, 1, false),
                new NodeSpec.BatchNorm("conv1.bn", "conv1"),
                new NodeSpec.Relu("conv1.relu", "conv1.bn"),
                new NodeSpec.MaxPool("pool1", "conv1.relu", 2, 2),
                new NodeSpec.Conv2d("conv2", "pool1", 2 * width, 3, 1, 1, false),
                new NodeSpec.BatchNorm("conv2.bn", "conv2"),
                new NodeSpec.Relu("conv2.relu", "conv2.bn"),
                new NodeSpec.Dense(NetworkSpec.LOGITS, "conv2.relu", classes, true)));
    }

    private static DataSplit split(float[][] templates, int size, Random random) {
        float[] values = new float[size * 64];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % templates.length;
            for (int p = 0; p < 64; p++) {
                values[i * 64 + p] = templates[labels[i]][p] + 0.7f * (float) random.nextGaussian();
            }
        }
        return new DataSplit(Nd4j.create(values, new long[] {size, 1, 8, 8}, 'c'), labels);
    }

    private TinyData() {
    }
}

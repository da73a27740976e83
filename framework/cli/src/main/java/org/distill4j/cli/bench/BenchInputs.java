package org.distill4j.cli.bench;

import org.distill4j.api.network.InputShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmark's input shapes and one fixed random batch per workload. Speed does not depend on the pixel values,
 * so every step reuses one batch and no data loading is timed.
 */
final class BenchInputs {

    static final int CLASSES = 10;
    static final InputShape GRAYSCALE = new InputShape(1, 28, 28);
    static final InputShape COLOUR = new InputShape(3, 32, 32);
    static final List<InputShape> ALL = List.of(GRAYSCALE, COLOUR);

    /** As the issue and the twin write a shape: height x width x channels. */
    static String name(InputShape shape) {
        return shape.height() + "x" + shape.width() + "x" + shape.channels();
    }

    static InputShape parse(String name) {
        for (InputShape shape : ALL) {
            if (name(shape).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown input '" + name + "'; the benchmark has "
                + ALL.stream().map(BenchInputs::name).toList());
    }

    static INDArray features(InputShape shape, int batch) {
        Nd4j.getRandom().setSeed(BenchGraphs.SEED);
        return Nd4j.randn(DataType.FLOAT, batch, shape.channels(), shape.height(), shape.width());
    }

    static int[] labels(int batch) {
        Random random = new Random(BenchGraphs.SEED);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        return labels;
    }

    private BenchInputs() {
    }
}

package org.distill4j.datasets.images;

import org.distill4j.api.network.InputShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Turns selected images of a pool into a float {@code [n, channels, height, width]} tensor. */
public final class FeatureTensors {

    /**
     * Images are converted in chunks so that the heap never holds more than a few megabytes of floats at once
     * (CIFAR-10's training split is 550 MB as floats).
     */
    private static final int CHUNK_BYTES = 8 * 1024 * 1024;

    /**
     * A new tensor of the images at {@code indices}, in that order, scaled. It lives outside any workspace, so it
     * stays valid whatever scope the caller loads data in.
     */
    public static INDArray build(ImagePool pool, int[] indices, PixelScaling scaling) {
        InputShape shape = pool.shape();
        if (scaling.channels() != shape.channels()) {
            throw new IllegalArgumentException("scaling for " + scaling.channels() + " channels, images have "
                    + shape.channels());
        }
        int imageSize = (int) shape.size();
        int channelSize = shape.height() * shape.width();
        float[][] tables = scaling.lookupTables();
        byte[] pixels = pool.pixelArray();
        int chunkImages = Math.max(1, CHUNK_BYTES / (4 * imageSize));
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray features = Nd4j.create(DataType.FLOAT, indices.length, shape.channels(), shape.height(),
                    shape.width());
            for (int start = 0; start < indices.length; start += chunkImages) {
                int count = Math.min(chunkImages, indices.length - start);
                float[] chunk = new float[count * imageSize];
                for (int image = 0; image < count; image++) {
                    int source = indices[start + image] * imageSize;
                    int target = image * imageSize;
                    for (int channel = 0; channel < shape.channels(); channel++) {
                        float[] table = tables[channel];
                        int channelStart = channel * channelSize;
                        for (int pixel = 0; pixel < channelSize; pixel++) {
                            chunk[target + channelStart + pixel] = table[pixels[source + channelStart + pixel] & 0xff];
                        }
                    }
                }
                INDArray block = Nd4j.create(chunk, new long[] {count, shape.channels(), shape.height(), shape.width()},
                        DataType.FLOAT);
                features.get(NDArrayIndex.interval(start, start + count), NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.all()).assign(block);
            }
            return features;
        }
    }

    private FeatureTensors() {
    }
}

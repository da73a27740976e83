package org.distill4j.datasets;

import org.distill4j.datasets.files.DeterministicGzip;
import org.distill4j.datasets.idx.IdxFile;
import org.distill4j.datasets.idx.IdxWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small IDX datasets written for tests. Image {@code i} of a file carries its own index in its first two pixels
 * (low byte, high byte) so tests can tell which images a split holds; its third pixel is its label times 20.
 * Labels cycle through the classes with a stride of 3 ({@code (3 i) mod classes}), so classes are interleaved but
 * not in plain order.
 */
public final class TinyIdxFiles {

    public static final int ROWS = 28;
    public static final int COLUMNS = 28;

    private TinyIdxFiles() {
    }

    /** Writes the four files of a 10-class dataset into {@code directory}, gzipped or raw. */
    public static Path write(Path directory, int trainImages, int testImages, boolean gzipped) throws IOException {
        Files.createDirectories(directory);
        writeFile(directory, IdxFile.TRAIN_IMAGES, images(trainImages), gzipped);
        writeFile(directory, IdxFile.TRAIN_LABELS, IdxWriter.labels(labels(trainImages)), gzipped);
        writeFile(directory, IdxFile.TEST_IMAGES, images(testImages), gzipped);
        writeFile(directory, IdxFile.TEST_LABELS, IdxWriter.labels(labels(testImages)), gzipped);
        return directory;
    }

    public static void writeFile(Path directory, IdxFile file, byte[] content, boolean gzipped) throws IOException {
        Files.deleteIfExists(directory.resolve(file.gzippedName()));
        Files.deleteIfExists(directory.resolve(file.standardName()));
        if (gzipped) {
            Files.write(directory.resolve(file.gzippedName()), DeterministicGzip.compress(content));
        } else {
            Files.write(directory.resolve(file.standardName()), content);
        }
    }

    public static int label(int image) {
        return (3 * image) % 10;
    }

    public static int[] labels(int count) {
        int[] labels = new int[count];
        for (int image = 0; image < count; image++) {
            labels[image] = label(image);
        }
        return labels;
    }

    public static byte[] images(int count) {
        int size = ROWS * COLUMNS;
        byte[] pixels = new byte[count * size];
        for (int image = 0; image < count; image++) {
            pixels[image * size] = (byte) (image & 0xff);
            pixels[image * size + 1] = (byte) ((image >> 8) & 0xff);
            pixels[image * size + 2] = (byte) (label(image) * 20);
            for (int pixel = 3; pixel < size; pixel++) {
                pixels[image * size + pixel] = (byte) ((pixel * 7 + image) & 0xff);
            }
        }
        return IdxWriter.images(count, ROWS, COLUMNS, pixels);
    }

    /** The index encoded in an image of features scaled to [0, 1] (normalize false). */
    public static int indexOf(float firstPixel, float secondPixel) {
        return Math.round(firstPixel * 255) + 256 * Math.round(secondPixel * 255);
    }
}

package org.distill4j.datasets.tools;

import org.distill4j.datasets.TinyIdxFiles;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.files.FileLocation;
import org.distill4j.datasets.idx.IdxFile;
import org.distill4j.datasets.idx.IdxReader;
import org.distill4j.datasets.idx.IdxWriter;
import org.distill4j.datasets.images.ImagePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedSubsetGeneratorTest {

    @TempDir
    Path directory;

    @Test
    void takesTheFirstImagesOfEachClassInFileOrder() throws IOException {
        Path source = writeSource();
        Path target = directory.resolve("subset");

        new EmbeddedSubsetGenerator(source, target, false, quiet()).generate();

        ImagePool train = read(target, IdxFile.TRAIN_IMAGES, IdxFile.TRAIN_LABELS);
        assertThat(train.size()).isEqualTo(5000);
        assertThat(indices(train)).isEqualTo(expectedIndices(6000, 500));
        ImagePool test = read(target, IdxFile.TEST_IMAGES, IdxFile.TEST_LABELS);
        assertThat(test.size()).isEqualTo(1000);
        assertThat(indices(test)).isEqualTo(expectedIndices(1200, 100));
    }

    @Test
    void writesTheSameBytesEveryTimeWithoutTimestamps() throws IOException {
        Path source = writeSource();
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");

        new EmbeddedSubsetGenerator(source, first, false, quiet()).generate();
        new EmbeddedSubsetGenerator(source, second, false, quiet()).generate();

        for (IdxFile file : IdxFile.values()) {
            byte[] written = Files.readAllBytes(first.resolve(file.gzippedName()));
            assertThat(Files.readAllBytes(second.resolve(file.gzippedName()))).isEqualTo(written);
            // Modification time (bytes 4-7) and flags (byte 3) are zero.
            assertThat(new byte[] {written[3], written[4], written[5], written[6], written[7]}).containsOnly(0);
        }
    }

    @Test
    void refusesFilesWithUnknownContent() throws IOException {
        Path source = writeSource();

        assertThatThrownBy(() -> new EmbeddedSubsetGenerator(source, directory.resolve("out"), true, quiet())
                .generate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the official Fashion-MNIST release as packaged by Debian")
                .hasMessageContaining("--any-source");
    }

    /**
     * Training file: 6000 images, the first 600 of class 0, then classes cycling by index; test file likewise with
     * 1200 images, the first 120 of class 0.
     */
    private Path writeSource() throws IOException {
        Path source = directory.resolve("source");
        Files.createDirectories(source);
        TinyIdxFiles.writeFile(source, IdxFile.TRAIN_IMAGES, TinyIdxFiles.images(6000), true);
        TinyIdxFiles.writeFile(source, IdxFile.TRAIN_LABELS, IdxWriter.labels(labels(6000)), true);
        TinyIdxFiles.writeFile(source, IdxFile.TEST_IMAGES, TinyIdxFiles.images(1200), false);
        TinyIdxFiles.writeFile(source, IdxFile.TEST_LABELS, IdxWriter.labels(labels(1200)), false);
        return source;
    }

    private static int[] labels(int count) {
        int[] labels = new int[count];
        for (int image = 0; image < count; image++) {
            labels[image] = image < count / 10 ? 0 : image % 10;
        }
        return labels;
    }

    /** The rule, written the slow way: walk the file, keep an image while its class has fewer than perClass. */
    private static List<Integer> expectedIndices(int count, int perClass) {
        int[] labels = labels(count);
        int[] kept = new int[10];
        List<Integer> indices = new ArrayList<>();
        for (int image = 0; image < count; image++) {
            if (kept[labels[image]] < perClass) {
                kept[labels[image]]++;
                indices.add(image);
            }
        }
        return indices;
    }

    private static List<Integer> indices(ImagePool pool) {
        List<Integer> indices = new ArrayList<>();
        for (int image = 0; image < pool.size(); image++) {
            byte[] pixels = pool.image(image);
            indices.add((pixels[0] & 0xff) + 256 * (pixels[1] & 0xff));
        }
        return indices;
    }

    private static ImagePool read(Path directory, IdxFile images, IdxFile labels) {
        return IdxReader.pair(
                IdxReader.readImages(FileContent.read(new FileLocation(directory.resolve(images.gzippedName()), ""))),
                IdxReader.readLabels(FileContent.read(new FileLocation(directory.resolve(labels.gzippedName()), ""))),
                "subset", 28, 28, 10);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}

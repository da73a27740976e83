package org.distill4j.datasets.idx;

import org.distill4j.datasets.TinyIdxFiles;
import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.DeterministicGzip;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.files.FileLocation;
import org.distill4j.datasets.files.Sha256;
import org.distill4j.datasets.images.ImagePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsHeaderPixelsAndLabelsFromGzippedAndRawFiles(boolean gzipped) throws IOException {
        byte[] imageContent = TinyIdxFiles.images(30);
        Path images = write("images", imageContent, gzipped);
        Path labels = write("labels", IdxWriter.labels(TinyIdxFiles.labels(30)), gzipped);

        IdxImages decoded = IdxReader.readImages(content(images));
        IdxLabels decodedLabels = IdxReader.readLabels(content(labels));
        ImagePool pool = IdxReader.pair(decoded, decodedLabels, "tiny", 28, 28, 10);

        assertThat(decoded.count()).isEqualTo(30);
        assertThat(decoded.rows()).isEqualTo(28);
        assertThat(decoded.columns()).isEqualTo(28);
        assertThat(decoded.location()).isEqualTo(images.toString());
        assertThat(pool.size()).isEqualTo(30);
        assertThat(pool.labels()).containsExactly(TinyIdxFiles.labels(30));
        assertThat(pool.image(17)).containsExactly(Arrays.copyOfRange(imageContent, 16 + 17 * 784, 16 + 18 * 784));
    }

    @Test
    void recordsTheStoredFilesHashAndSize() throws IOException {
        Path images = write("images", TinyIdxFiles.images(3), true);

        FileContent content = content(images);

        assertThat(content.file().location()).isEqualTo(images.toString());
        assertThat(content.file().bytes()).isEqualTo(Files.size(images));
        assertThat(content.file().sha256()).isEqualTo(Sha256.hex(Files.readAllBytes(images)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void truncatedImageFileNamesTheFileAndBothSizes(boolean gzipped) throws IOException {
        byte[] whole = TinyIdxFiles.images(10);
        Path images = write("images", Arrays.copyOf(whole, whole.length - 100), gzipped);

        assertThatThrownBy(() -> IdxReader.readImages(content(images)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("is truncated: header says 10 images of 28x28 (7856 bytes)")
                .hasMessageContaining((gzipped ? "its decompressed content has " : "file has ") + "7756 bytes")
                .hasMessageContaining("REMEDY");
    }

    @Test
    void truncatedLabelFileNamesTheFile() throws IOException {
        byte[] whole = IdxWriter.labels(TinyIdxFiles.labels(10));
        Path labels = write("labels", Arrays.copyOf(whole, whole.length - 3), false);

        assertThatThrownBy(() -> IdxReader.readLabels(content(labels)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(labels + " is truncated: header says 10 labels (18 bytes), file has 15 bytes");
    }

    @Test
    void fileShorterThanTheHeaderIsTruncated() throws IOException {
        Path images = write("images", new byte[] {0, 0, 8, 3, 0}, false);

        assertThatThrownBy(() -> IdxReader.readImages(content(images)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " is truncated: an IDX image file starts with a 16-byte header");
    }

    @Test
    void extraBytesAfterThePayloadAreRejected() throws IOException {
        byte[] whole = TinyIdxFiles.images(2);
        Path images = write("images", Arrays.copyOf(whole, whole.length + 5), false);

        assertThatThrownBy(() -> IdxReader.readImages(content(images)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " is not a valid IDX file")
                .hasMessageContaining("5 more than that");
    }

    @Test
    void badMagicNumberSaysWhatWasExpected() throws IOException {
        Path images = write("images", ByteBuffer.allocate(32).putInt(0x12345678).array(), false);

        assertThatThrownBy(() -> IdxReader.readImages(content(images)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " is not an IDX image file: it starts with 0x12345678")
                .hasMessageContaining("expected magic number 0x00000803");
    }

    @Test
    void swappedImageAndLabelFilesAreRecognised() throws IOException {
        Path labels = write("labels", IdxWriter.labels(TinyIdxFiles.labels(10)), true);

        assertThatThrownBy(() -> IdxReader.readImages(content(labels)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("expected magic number 0x00000803")
                .hasMessageContaining("swapped");
    }

    @Test
    void labelOutOfRangeNamesTheFileTheImageAndTheRange() throws IOException {
        int[] values = TinyIdxFiles.labels(10);
        values[7] = 12;
        Path images = write("images", TinyIdxFiles.images(10), false);
        Path labels = write("labels", IdxWriter.labels(values), false);

        assertThatThrownBy(() -> IdxReader.pair(IdxReader.readImages(content(images)),
                IdxReader.readLabels(content(labels)), "tiny", 28, 28, 10))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(labels + ": label 12 of image 7 is out of range")
                .hasMessageContaining("10 classes (labels 0 to 9)");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = write("images", TinyIdxFiles.images(10), false);
        Path labels = write("labels", IdxWriter.labels(TinyIdxFiles.labels(9)), false);

        assertThatThrownBy(() -> IdxReader.pair(IdxReader.readImages(content(images)),
                IdxReader.readLabels(content(labels)), "tiny", 28, 28, 10))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " holds 10 images but " + labels + " holds 9 labels");
    }

    @Test
    void imagesOfAnotherSizeAreRejected() throws IOException {
        Path images = write("images", IdxWriter.images(1, 32, 32, new byte[32 * 32]), false);
        Path labels = write("labels", IdxWriter.labels(new int[] {0}), false);

        assertThatThrownBy(() -> IdxReader.pair(IdxReader.readImages(content(images)),
                IdxReader.readLabels(content(labels)), "tiny", 28, 28, 10))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " holds images of 32x32, but tiny images are 28x28");
    }

    @Test
    void corruptGzipStreamNamesTheFile() throws IOException {
        byte[] compressed = DeterministicGzip.compress(TinyIdxFiles.images(10));
        for (int index = 20; index < 60; index++) {
            compressed[index] = (byte) 0xff;
        }
        Path images = directory.resolve("images.gz");
        Files.write(images, compressed);

        assertThatThrownBy(() -> IdxReader.readImages(content(images)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " is not a valid gzip file")
                .hasMessageContaining("corrupt or was cut short")
                .hasMessageContaining("REMEDY");
    }

    @Test
    void gzipStreamCutShortNamesTheFile() throws IOException {
        byte[] compressed = DeterministicGzip.compress(TinyIdxFiles.images(10));
        Path images = directory.resolve("images.gz");
        Files.write(images, Arrays.copyOf(compressed, compressed.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(content(images)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images + " is not a valid gzip file");
    }

    private Path write(String name, byte[] content, boolean gzipped) throws IOException {
        Path path = directory.resolve(gzipped ? name + ".gz" : name);
        Files.write(path, gzipped ? DeterministicGzip.compress(content) : content);
        return path;
    }

    private static FileContent content(Path path) {
        return FileContent.read(new FileLocation(path, "REMEDY"));
    }
}

package org.distill4j.datasets.cifar;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.datasets.SplitInspection;
import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.DecodedFileCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Cifar10SourceTest {

    private static final int RECORDS_PER_FILE = 20;

    /** Every record's planes are filled with these grey levels, so channel order is visible. */
    private static final int RED = 10;
    private static final int GREEN = 120;
    private static final int BLUE = 240;

    @TempDir
    Path directory;

    private final DecodedFileCache cache = new DecodedFileCache(16L * 1024 * 1024);

    @Test
    void readsTheBatchesChannelPlanar() throws IOException {
        writeBatches(directory);

        Dataset dataset = load(directory.toString(), 0, 0.0, 0, false);

        assertThat(dataset.train().size()).isEqualTo(5 * RECORDS_PER_FILE);
        assertThat(dataset.test().size()).isEqualTo(RECORDS_PER_FILE);
        assertThat(dataset.train().features().shape()).containsExactly(100, 3, 32, 32);
        assertThat(dataset.train().features().getDouble(3, 0, 5, 5)).isCloseTo(RED / 255.0, within(1e-6));
        assertThat(dataset.train().features().getDouble(3, 1, 31, 0)).isCloseTo(GREEN / 255.0, within(1e-6));
        assertThat(dataset.train().features().getDouble(3, 2, 0, 31)).isCloseTo(BLUE / 255.0, within(1e-6));
        assertThat(SplitInspection.classCounts(dataset.train(), 10)).containsOnly(10);
        assertThat(dataset.files()).hasSize(6);
        assertThat(dataset.files().get(5).location()).endsWith("test_batch.bin");
        assertThat(dataset.files().get(0).bytes()).isEqualTo(RECORDS_PER_FILE * 3073L);
    }

    @Test
    void normalizesEachChannelWithItsOwnMeanAndDeviation() throws IOException {
        writeBatches(directory);

        Dataset dataset = load(directory.toString(), 0, 0, true);

        assertThat(dataset.test().features().getDouble(0, 0, 1, 1))
                .isCloseTo((RED / 255.0 - 0.4914) / 0.2470, within(1e-5));
        assertThat(dataset.test().features().getDouble(0, 1, 1, 1))
                .isCloseTo((GREEN / 255.0 - 0.4822) / 0.2435, within(1e-5));
        assertThat(dataset.test().features().getDouble(0, 2, 1, 1))
                .isCloseTo((BLUE / 255.0 - 0.4465) / 0.2616, within(1e-5));
    }

    @Test
    void labelsFollowTheRecordsAndSubsetsAreStratified() throws IOException {
        writeBatches(directory);

        Dataset dataset = load(directory.toString(), 50, 10, false);

        assertThat(dataset.train().size() + dataset.validation().size()).isEqualTo(50);
        assertThat(dataset.validation().size()).isEqualTo(5);
        assertThat(SplitInspection.classCounts(dataset.validation(), 10)).containsOnly(0, 1);
        assertThat(SplitInspection.classCounts(dataset.test(), 10)).containsOnly(1);
        for (int image = 0; image < dataset.train().size(); image++) {
            int recordInFile = (int) Math.round(dataset.train().features().getDouble(image, 0, 0, 0) * 255);
            assertThat(dataset.train().labels()[image]).isEqualTo(recordInFile % 10);
        }
    }

    @Test
    void findsTheBatchesInTheUnpackedArchiveFolder() throws IOException {
        writeBatches(directory.resolve("cifar-10-batches-bin"));

        Dataset dataset = load(directory.toString(), 0, 0, false);

        assertThat(dataset.name()).isEqualTo("cifar-10 (" + directory.resolve("cifar-10-batches-bin") + ")");
    }

    @Test
    void truncatedBatchNamesTheFileAndTheRecordSize() throws IOException {
        writeBatches(directory);
        Path second = directory.resolve("data_batch_2.bin");
        byte[] content = Files.readAllBytes(second);
        Files.write(second, Arrays.copyOf(content, content.length - 1000));

        assertThatThrownBy(() -> load(directory.toString(), 0, 0, false))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(second + " is truncated or not a CIFAR-10 binary batch")
                .hasMessageContaining("file has 60460 bytes")
                .hasMessageContaining("3073-byte record");
    }

    @Test
    void labelBeyondNineSuggestsCifar100() throws IOException {
        writeBatches(directory);
        Path test = directory.resolve("test_batch.bin");
        byte[] content = Files.readAllBytes(test);
        content[3 * 3073] = 57;
        Files.write(test, content);

        assertThatThrownBy(() -> load(directory.toString(), 0, 0, false))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(test + ": record 3 has label 57, expected 0 to 9")
                .hasMessageContaining("CIFAR-100");
    }

    @Test
    void listsMissingBatches() throws IOException {
        writeBatches(directory);
        Files.delete(directory.resolve("data_batch_4.bin"));

        assertThatThrownBy(() -> load(directory.toString(), 0, 0, false))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("cifar-10: 1 of the 6 batch files is missing in " + directory
                        + ": data_batch_4.bin")
                .hasMessageContaining("cifar-10-binary.tar.gz");
    }

    @Test
    void directoryIsRequired() {
        assertThatThrownBy(() -> new Cifar10Params(null, 0, 0.1, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cifar-10 needs the 'directory' parameter");
    }

    private Dataset load(String path, int trainSize, int testSize, boolean normalize) {
        return load(path, trainSize, 0.1, testSize, normalize);
    }

    private Dataset load(String path, int trainSize, double validationFraction, int testSize, boolean normalize) {
        Cifar10Params params = new Cifar10Params(path, trainSize, validationFraction, testSize, normalize);
        return new Cifar10Source(params, cache).load(new DataContext(4, directory));
    }

    /** Five training batches and one test batch of 20 records; record r has label r mod 10, red pixel 0 = r. */
    private static void writeBatches(Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"}) {
            byte[] content = new byte[RECORDS_PER_FILE * 3073];
            for (int record = 0; record < RECORDS_PER_FILE; record++) {
                int start = record * 3073;
                content[start] = (byte) (record % 10);
                Arrays.fill(content, start + 1, start + 1 + 1024, (byte) RED);
                Arrays.fill(content, start + 1 + 1024, start + 1 + 2048, (byte) GREEN);
                Arrays.fill(content, start + 1 + 2048, start + 3073, (byte) BLUE);
                content[start + 1] = (byte) record;
            }
            Files.write(target.resolve(name), content);
        }
    }
}

package org.distill4j.datasets.fashion;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.datasets.SplitInspection;
import org.distill4j.datasets.TinyIdxFiles;
import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.idx.IdxSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FashionMnistSourceTest {

    @TempDir
    Path directory;

    private final DecodedFileCache cache = new DecodedFileCache(64L * 1024 * 1024);

    @Test
    void loadsADirectoryWithSplitSizesNamesAndProvenance() throws IOException {
        TinyIdxFiles.write(directory, 200, 100, true);

        Dataset dataset = load(directoryParams(0, 0.1, 0, false), 1);

        assertThat(dataset.name()).isEqualTo("fashion-mnist (" + directory + ")");
        assertThat(dataset.classNames()).hasSize(10).startsWith("T-shirt/top");
        assertThat(dataset.train().size()).isEqualTo(180);
        assertThat(dataset.validation().size()).isEqualTo(20);
        assertThat(dataset.test().size()).isEqualTo(100);
        assertThat(dataset.train().features().shape()).containsExactly(180, 1, 28, 28);
        assertThat(dataset.files()).hasSize(4);
        assertThat(dataset.files().get(0).location()).endsWith("train-images-idx3-ubyte.gz");
        assertThat(dataset.files()).allSatisfy(file -> assertThat(file.sha256()).hasSize(64));
    }

    @Test
    void trainValidationAndTestAreDisjointAndStratified() throws IOException {
        TinyIdxFiles.write(directory, 400, 200, false);

        Dataset dataset = load(directoryParams(150, 0.2, 50, false), 5);

        List<Integer> train = SplitInspection.imageIndices(dataset.train());
        List<Integer> validation = SplitInspection.imageIndices(dataset.validation());
        Set<Integer> trainingFileImages = new HashSet<>(train);
        trainingFileImages.addAll(validation);
        assertThat(trainingFileImages).hasSize(150);
        assertThat(train).hasSize(120).doesNotContainAnyElementsOf(validation);
        assertThat(SplitInspection.classCounts(dataset.train(), 10)).containsOnly(12);
        assertThat(SplitInspection.classCounts(dataset.validation(), 10)).containsOnly(3);
        assertThat(SplitInspection.classCounts(dataset.test(), 10)).containsOnly(5);
        assertThat(SplitInspection.imageIndices(dataset.test())).doesNotHaveDuplicates().allMatch(index -> index < 200);
        for (DataSplit split : List.of(dataset.train(), dataset.validation(), dataset.test())) {
            List<Integer> indices = SplitInspection.imageIndices(split);
            for (int image = 0; image < split.size(); image++) {
                assertThat(split.labels()[image]).isEqualTo(TinyIdxFiles.label(indices.get(image)));
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalSplitsAndAnotherSeedOthers() throws IOException {
        TinyIdxFiles.write(directory, 400, 200, true);
        FashionMnistParams params = directoryParams(150, 0.2, 50, false);

        Dataset first = load(params, 11);
        Dataset again = load(params, 11);
        Dataset other = load(params, 12);

        assertThat(again.train().features()).isEqualTo(first.train().features());
        assertThat(again.train().labels()).containsExactly(first.train().labels());
        assertThat(SplitInspection.imageIndices(again.validation()))
                .isEqualTo(SplitInspection.imageIndices(first.validation()));
        assertThat(SplitInspection.imageIndices(again.test())).isEqualTo(SplitInspection.imageIndices(first.test()));
        assertThat(SplitInspection.imageIndices(other.train())).isNotEqualTo(SplitInspection.imageIndices(first.train()));
        assertThat(SplitInspection.imageIndices(other.validation()))
                .isNotEqualTo(SplitInspection.imageIndices(first.validation()));
        assertThat(SplitInspection.imageIndices(other.test())).isNotEqualTo(SplitInspection.imageIndices(first.test()));
    }

    @Test
    void normalizeStandardisesWithTheFixedMeanAndDeviation() throws IOException {
        TinyIdxFiles.write(directory, 40, 20, true);

        Dataset raw = load(directoryParams(0, 0, 0, false), 3);
        Dataset normalized = load(directoryParams(0, 0, 0, true), 3);

        assertThat(raw.train().features().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(raw.train().features().maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        // Pixel 2 of every tiny image is label * 20.
        int label = raw.train().labels()[5];
        assertThat(raw.train().features().getDouble(5, 0, 0, 2)).isCloseTo(label * 20 / 255.0, within(1e-6));
        assertThat(normalized.train().features().getDouble(5, 0, 0, 2))
                .isCloseTo((label * 20 / 255.0 - 0.2860) / 0.3530, within(1e-5));
    }

    @Test
    void everyLoadReturnsFreshArraysAndDecodesOnce() throws IOException {
        TinyIdxFiles.write(directory, 40, 20, true);
        FashionMnistParams params = directoryParams(0, 0, 0, false);

        Dataset first = load(params, 3);
        first.train().features().assign(-7);
        first.train().labels()[0] = 9;
        Dataset second = load(params, 3);

        assertThat(second.train().features().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(second.train().labels()[0]).isEqualTo(TinyIdxFiles.label(0));
        assertThat(cache.decodes()).as("decoded once per file").isEqualTo(4);
    }

    @Test
    void tooLargeATrainSizeSaysHowManyThereAre() throws IOException {
        TinyIdxFiles.write(directory, 40, 20, true);

        assertThatThrownBy(() -> load(directoryParams(41, 0.1, 0, false), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train-size 41 is larger than the 40 training images")
                .hasMessageContaining("or 0 for all");
    }

    @Test
    void missingDebianFilesPointToSetup() {
        FashionMnistParams params = new FashionMnistParams(IdxSource.DEBIAN, null, 0, 0.1, 0, true);
        FashionMnistSource source = new FashionMnistSource(params, directory.resolve("not-installed"), cache);

        assertThatThrownBy(() -> source.load(new DataContext(1, directory)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(directory.resolve("not-installed") + " does not exist")
                .hasMessageContaining("scripts/setup")
                .hasMessageContaining("source: directory");
    }

    @Test
    void relativeDirectoriesResolveAgainstTheWorkingDirectory() throws IOException {
        TinyIdxFiles.write(directory.resolve("data"), 20, 10, true);
        FashionMnistParams params = new FashionMnistParams(IdxSource.DIRECTORY, "data", 0, 0, 0, false);

        Dataset dataset = new FashionMnistSource(params, directory, cache).load(new DataContext(1, directory));

        assertThat(dataset.train().size()).isEqualTo(20);
    }

    @Test
    void parametersRejectContradictionsNamingTheParameters() {
        assertThatThrownBy(() -> new FashionMnistParams(IdxSource.DIRECTORY, null, 0, 0.1, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'directory' needs the 'directory' parameter");
        assertThatThrownBy(() -> new FashionMnistParams(IdxSource.EMBEDDED, "/data", 0, 0.1, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'directory' is only read with 'source: directory', but source is 'embedded'");
        assertThatThrownBy(() -> new FashionMnistParams(IdxSource.EMBEDDED, null, -1, 0.1, 0, true))
                .hasMessageContaining("train-size must be >= 0");
        assertThatThrownBy(() -> new FashionMnistParams(IdxSource.EMBEDDED, null, 0, 0.6, 0, true))
                .hasMessageContaining("validation-fraction must be in [0, 0.5], got 0.6");
        assertThatThrownBy(() -> new FashionMnistParams(IdxSource.EMBEDDED, null, 0, 0.1, -2, true))
                .hasMessageContaining("test-size must be >= 0");
    }

    private FashionMnistParams directoryParams(int trainSize, double validationFraction, int testSize,
            boolean normalize) {
        return new FashionMnistParams(IdxSource.DIRECTORY, directory.toString(), trainSize, validationFraction,
                testSize, normalize);
    }

    private Dataset load(FashionMnistParams params, long seed) {
        return new FashionMnistSource(params, directory.resolve("no-debian"), cache)
                .load(new DataContext(seed, directory));
    }
}

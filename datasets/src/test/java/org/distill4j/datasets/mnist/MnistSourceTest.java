package org.distill4j.datasets.mnist;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.datasets.SplitInspection;
import org.distill4j.datasets.TinyIdxFiles;
import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.idx.IdxSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MnistSourceTest {

    @TempDir
    Path directory;

    private final DecodedFileCache cache = new DecodedFileCache(16L * 1024 * 1024);

    @Test
    void loadsADirectoryWithStratifiedSplitsAndMnistConstants() throws IOException {
        TinyIdxFiles.write(directory, 100, 50, false);

        Dataset dataset = new MnistSource(new MnistParams(IdxSource.DIRECTORY, directory.toString(), 60, 0.5, 20,
                true), cache).load(new DataContext(2, directory));

        assertThat(dataset.name()).isEqualTo("mnist (" + directory + ")");
        assertThat(dataset.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(SplitInspection.classCounts(dataset.train(), 10)).containsOnly(3);
        assertThat(SplitInspection.classCounts(dataset.validation(), 10)).containsOnly(3);
        assertThat(SplitInspection.classCounts(dataset.test(), 10)).containsOnly(2);
        int label = dataset.test().labels()[0];
        assertThat(dataset.test().features().getDouble(0, 0, 0, 2))
                .isCloseTo((label * 20 / 255.0 - 0.1307) / 0.3081, within(1e-5));
    }

    @Test
    void onlyTheDirectorySourceExists() {
        assertThatThrownBy(() -> new MnistParams(IdxSource.EMBEDDED, "/data", 0, 0.1, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'embedded' is not available for mnist")
                .hasMessageContaining("'source: directory'");
        assertThatThrownBy(() -> new MnistParams(IdxSource.DEBIAN, "/data", 0, 0.1, 0, true))
                .hasMessageContaining("source 'debian' is not available for mnist");
        assertThatThrownBy(() -> new MnistParams(IdxSource.DIRECTORY, null, 0, 0.1, 0, true))
                .hasMessageContaining("mnist needs the 'directory' parameter");
    }

    @Test
    void missingFilesAreListedWithTheDirectory() throws IOException {
        TinyIdxFiles.write(directory, 10, 10, true);
        Files.delete(directory.resolve("t10k-labels-idx1-ubyte.gz"));

        assertThatThrownBy(() -> new MnistSource(new MnistParams(IdxSource.DIRECTORY, directory.toString(), 0, 0.1,
                0, true), cache).load(new DataContext(2, directory)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("mnist: 1 of the 4 IDX files is missing in " + directory
                        + ": t10k-labels-idx1-ubyte.gz (or t10k-labels-idx1-ubyte)")
                .hasMessageContaining("official MNIST release");
    }
}

package org.distill4j.datasets.idx;

import org.distill4j.datasets.TinyIdxFiles;
import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.DataLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void findsGzippedAndRawFiles() throws IOException {
        TinyIdxFiles.write(directory, 20, 10, true);
        TinyIdxFiles.writeFile(directory, IdxFile.TEST_LABELS, IdxWriter.labels(TinyIdxFiles.labels(10)), false);

        Map<IdxFile, DataLocation> files = idxDirectory(directory).locate();

        assertThat(files.get(IdxFile.TRAIN_IMAGES).location())
                .isEqualTo(directory.resolve("train-images-idx3-ubyte.gz").toString());
        assertThat(files.get(IdxFile.TEST_LABELS).location())
                .isEqualTo(directory.resolve("t10k-labels-idx1-ubyte").toString());
    }

    @Test
    void listsEveryMissingFileAndHowToGetThem() throws IOException {
        TinyIdxFiles.write(directory, 20, 10, true);
        Files.delete(directory.resolve("train-labels-idx1-ubyte.gz"));
        Files.delete(directory.resolve("t10k-images-idx3-ubyte.gz"));

        assertThatThrownBy(() -> idxDirectory(directory).locate())
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("tiny: 2 of the 4 IDX files are missing in " + directory)
                .hasMessageContaining("train-labels-idx1-ubyte.gz (or train-labels-idx1-ubyte)")
                .hasMessageContaining("t10k-images-idx3-ubyte.gz (or t10k-images-idx3-ubyte)")
                .hasMessageNotContaining("train-images")
                .hasMessageEndingWith("HOW TO GET THEM");
    }

    @Test
    void missingDirectoryIsNamed() {
        Path absent = directory.resolve("absent");

        assertThatThrownBy(() -> idxDirectory(absent).locate())
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("tiny: " + absent + " does not exist")
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageEndingWith("HOW TO GET THEM");
    }

    private static IdxDirectory idxDirectory(Path path) {
        return new IdxDirectory(path, "tiny", "HOW TO GET THEM", "REMEDY");
    }
}

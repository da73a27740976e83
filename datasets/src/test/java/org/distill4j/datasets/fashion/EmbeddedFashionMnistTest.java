package org.distill4j.datasets.fashion;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.DataFile;
import org.distill4j.api.data.Dataset;
import org.distill4j.datasets.SplitInspection;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.files.Sha256;
import org.distill4j.datasets.idx.IdxFile;
import org.distill4j.datasets.idx.IdxSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedFashionMnistTest {

    /** A row of the README's table: | `file` | images | bytes | sha256 | content bytes | content sha256 | */
    private static final Pattern README_ROW = Pattern.compile(
            "^\\| `([a-z0-9-]+\\.gz)` \\| ([0-9,]+) \\| ([0-9,]+) \\| `([0-9a-f]{64})` \\| ([0-9,]+) \\| `([0-9a-f]{64})` \\|$",
            Pattern.MULTILINE);

    private static final Path README = Path.of("README.md");

    @Test
    void loadsTheDocumentedCountsWithBalancedClasses() {
        FashionMnistParams params = new FashionMnistParams(IdxSource.EMBEDDED, null, 0, 0, 0, false);

        Dataset dataset = new FashionMnistSource(params).load(new DataContext(1, Path.of(".")));

        assertThat(dataset.name()).isEqualTo("fashion-mnist (embedded subset)");
        assertThat(dataset.train().size()).isEqualTo(10 * EmbeddedFashionMnist.TRAIN_IMAGES_PER_CLASS);
        assertThat(dataset.test().size()).isEqualTo(10 * EmbeddedFashionMnist.TEST_IMAGES_PER_CLASS);
        assertThat(dataset.validation().size()).isZero();
        assertThat(SplitInspection.classCounts(dataset.train(), 10))
                .containsOnly(EmbeddedFashionMnist.TRAIN_IMAGES_PER_CLASS);
        assertThat(SplitInspection.classCounts(dataset.test(), 10))
                .containsOnly(EmbeddedFashionMnist.TEST_IMAGES_PER_CLASS);
        assertThat(dataset.files()).extracting(DataFile::location)
                .allMatch(location -> location.startsWith("classpath:" + EmbeddedFashionMnist.RESOURCE_DIRECTORY));
    }

    @Test
    void defaultsHoldOutATenthForValidation() {
        Dataset dataset = new FashionMnistSource(FashionMnistParams.defaults(), Path.of("/nowhere"),
                new DecodedFileCache(0)).load(new DataContext(7, Path.of(".")));

        assertThat(dataset.train().size()).isEqualTo(4500);
        assertThat(dataset.validation().size()).isEqualTo(500);
        assertThat(SplitInspection.classCounts(dataset.validation(), 10)).containsOnly(50);
        assertThat(dataset.test().size()).isEqualTo(1000);
    }

    @Test
    void resourceSizesAndHashesMatchTheReadme() throws IOException {
        Map<String, String[]> rows = readmeRows();
        assertThat(rows).containsOnlyKeys("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

        for (IdxFile file : IdxFile.values()) {
            FileContent content = FileContent.read(EmbeddedFashionMnist.locations().get(file));
            String[] row = rows.get(file.gzippedName());
            boolean training = file == IdxFile.TRAIN_IMAGES || file == IdxFile.TRAIN_LABELS;
            int images = 10 * (training ? EmbeddedFashionMnist.TRAIN_IMAGES_PER_CLASS
                    : EmbeddedFashionMnist.TEST_IMAGES_PER_CLASS);
            assertThat(number(row[1])).as(file.gzippedName()).isEqualTo(images);
            assertThat(content.file().bytes()).as(file.gzippedName()).isEqualTo(number(row[2]));
            assertThat(content.file().sha256()).as(file.gzippedName()).isEqualTo(row[3]);
            assertThat((long) content.content().length).as(file.gzippedName()).isEqualTo(number(row[4]));
            assertThat(Sha256.hex(content.content())).as(file.gzippedName()).isEqualTo(row[5]);
        }
    }

    @Test
    void resourcesAreDeterministicGzipWithoutTimestamp() {
        for (IdxFile file : IdxFile.values()) {
            FileContent content = FileContent.read(EmbeddedFashionMnist.locations().get(file));
            assertThat(content.gzipped()).isTrue();
        }
        byte[] stored = EmbeddedFashionMnist.locations().get(IdxFile.TEST_LABELS).readAllBytes();
        // Bytes 4-7 of a gzip header are the modification time; 3 is the flags (no file name, no comment).
        assertThat(new byte[] {stored[3], stored[4], stored[5], stored[6], stored[7]}).containsOnly(0);
    }

    private static Map<String, String[]> readmeRows() throws IOException {
        String readme = Files.readString(README);
        Matcher matcher = README_ROW.matcher(readme);
        Map<String, String[]> rows = new HashMap<>();
        while (matcher.find()) {
            rows.put(matcher.group(1), new String[] {matcher.group(1), matcher.group(2), matcher.group(3),
                    matcher.group(4), matcher.group(5), matcher.group(6)});
        }
        return rows;
    }

    private static long number(String withCommas) {
        return Long.parseLong(withCommas.replace(",", ""));
    }
}

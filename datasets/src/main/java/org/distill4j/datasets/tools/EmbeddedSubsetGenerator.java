package org.distill4j.datasets.tools;

import org.distill4j.datasets.fashion.EmbeddedFashionMnist;
import org.distill4j.datasets.fashion.FashionMnist;
import org.distill4j.datasets.files.DataLocation;
import org.distill4j.datasets.files.DeterministicGzip;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.files.Sha256;
import org.distill4j.datasets.idx.IdxDirectory;
import org.distill4j.datasets.idx.IdxFile;
import org.distill4j.datasets.idx.IdxImages;
import org.distill4j.datasets.idx.IdxReader;
import org.distill4j.datasets.idx.IdxWriter;
import org.distill4j.datasets.images.ImagePool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the embedded Fashion-MNIST subset from the official files: for each class, the first
 * {@value EmbeddedFashionMnist#TRAIN_IMAGES_PER_CLASS} training and the first
 * {@value EmbeddedFashionMnist#TEST_IMAGES_PER_CLASS} test images, kept in file order, as gzipped IDX files
 * (level 9, no name, modification time 0, so the output depends on nothing but the input).
 *
 * <pre>
 * mvn -B -q compile -pl datasets -am
 * java -cp datasets/target/classes:framework/api/target/classes \
 *     org.distill4j.datasets.tools.EmbeddedSubsetGenerator \
 *     /usr/share/datasets/fashion-mnist datasets/src/main/resources/org/distill4j/datasets/embedded/fashion-mnist
 * </pre>
 *
 * Before writing it checks that the source files decompress to the known content (SHA-256 of the decompressed
 * IDX data of the Debian package's files), so a subset is never made from other files by mistake; {@code --any-source} skips that check (tests
 * use it on small made-up files).
 */
public final class EmbeddedSubsetGenerator {

    /**
     * SHA-256 of the decompressed content of the Debian package's files (dataset-fashion-mnist
     * 0.0~git20200523.55506a9-1). Debian recompressed the files, so only the content identifies them.
     */
    static final Map<IdxFile, String> KNOWN_CONTENT_SHA256 = Map.of(
            IdxFile.TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            IdxFile.TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            IdxFile.TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            IdxFile.TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private final Path source;
    private final Path target;
    private final boolean checkSource;
    private final PrintStream log;

    public EmbeddedSubsetGenerator(Path source, Path target, boolean checkSource, PrintStream log) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.checkSource = checkSource;
        this.log = Objects.requireNonNull(log, "log");
    }

    public static void main(String[] arguments) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean checkSource = true;
        for (String argument : arguments) {
            if (argument.equals("--any-source")) {
                checkSource = false;
            } else {
                positional.add(argument);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: EmbeddedSubsetGenerator [--any-source] <directory with the four official"
                    + " Fashion-MNIST IDX files> <output directory>");
            System.exit(2);
        }
        new EmbeddedSubsetGenerator(Path.of(positional.get(0)), Path.of(positional.get(1)), checkSource,
                System.out).generate();
    }

    /** Writes the four subset files into the target directory and logs their sizes and SHA-256. */
    public void generate() throws IOException {
        Map<IdxFile, DataLocation> files = new IdxDirectory(source, FashionMnist.NAME,
                "Give the directory holding the four official files.", "check the source files").locate();
        Files.createDirectories(target);
        subset(files.get(IdxFile.TRAIN_IMAGES), files.get(IdxFile.TRAIN_LABELS), IdxFile.TRAIN_IMAGES,
                IdxFile.TRAIN_LABELS, EmbeddedFashionMnist.TRAIN_IMAGES_PER_CLASS);
        subset(files.get(IdxFile.TEST_IMAGES), files.get(IdxFile.TEST_LABELS), IdxFile.TEST_IMAGES,
                IdxFile.TEST_LABELS, EmbeddedFashionMnist.TEST_IMAGES_PER_CLASS);
    }

    private void subset(DataLocation imagesLocation, DataLocation labelsLocation, IdxFile imagesFile,
            IdxFile labelsFile, int perClass) throws IOException {
        FileContent imagesContent = FileContent.read(imagesLocation);
        FileContent labelsContent = FileContent.read(labelsLocation);
        checkKnownContent(imagesContent, imagesFile);
        checkKnownContent(labelsContent, labelsFile);
        IdxImages images = IdxReader.readImages(imagesContent);
        ImagePool pool = IdxReader.pair(images, IdxReader.readLabels(labelsContent), FashionMnist.NAME,
                images.rows(), images.columns(), FashionMnist.CLASS_NAMES.size());

        int classes = FashionMnist.CLASS_NAMES.size();
        int[] taken = new int[classes];
        List<Integer> chosen = new ArrayList<>();
        for (int image = 0; image < pool.size(); image++) {
            if (taken[pool.label(image)] < perClass) {
                taken[pool.label(image)]++;
                chosen.add(image);
            }
        }
        for (int label = 0; label < classes; label++) {
            if (taken[label] < perClass) {
                throw new IllegalStateException(imagesLocation.location() + " has only " + taken[label]
                        + " images of class " + label + ", the subset needs " + perClass);
            }
        }
        int imageSize = images.rows() * images.columns();
        byte[] pixels = new byte[chosen.size() * imageSize];
        int[] labels = new int[chosen.size()];
        for (int position = 0; position < chosen.size(); position++) {
            System.arraycopy(pool.image(chosen.get(position)), 0, pixels, position * imageSize, imageSize);
            labels[position] = pool.label(chosen.get(position));
        }
        write(imagesFile, IdxWriter.images(chosen.size(), images.rows(), images.columns(), pixels));
        write(labelsFile, IdxWriter.labels(labels));
    }

    private void checkKnownContent(FileContent content, IdxFile file) {
        if (!checkSource) {
            return;
        }
        String found = Sha256.hex(content.content());
        if (!found.equals(KNOWN_CONTENT_SHA256.get(file))) {
            throw new IllegalStateException(content.file().location() + " decompresses to content with SHA-256 "
                    + found + ", expected " + KNOWN_CONTENT_SHA256.get(file) + " (the official Fashion-MNIST release as"
                    + " packaged by Debian); use those files, or --any-source to make a subset of other files");
        }
    }

    private void write(IdxFile file, byte[] content) throws IOException {
        byte[] compressed = DeterministicGzip.compress(content);
        Path output = target.resolve(file.gzippedName());
        Files.write(output, compressed);
        log.printf("%s: %d bytes, sha256 %s; content %d bytes, sha256 %s%n", output.getFileName(), compressed.length,
                Sha256.hex(compressed), content.length, Sha256.hex(content));
    }
}

package org.distill4j.datasets.idx;

import org.distill4j.api.data.DataFile;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.files.DataLocation;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.images.DatasetFacts;
import org.distill4j.datasets.images.ImagePool;
import org.distill4j.datasets.split.DatasetAssembler;
import org.distill4j.datasets.split.SplitSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Loads an IDX dataset (Fashion-MNIST, MNIST) from its four files, through the decoded-file cache. */
public final class IdxDatasetLoader {

    private final DatasetFacts facts;
    private final DecodedFileCache cache;

    public IdxDatasetLoader(DatasetFacts facts, DecodedFileCache cache) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.cache = Objects.requireNonNull(cache, "cache");
        InputShape shape = facts.info().shape();
        if (shape.channels() != 1) {
            throw new IllegalArgumentException("IDX images have one channel, " + facts.name() + " has " + shape);
        }
    }

    /**
     * @param variant  where the files are, for the dataset's name
     * @param files    the four files
     * @param settings split sizes
     * @param normalize standardise with the dataset's mean and deviation, or keep [0, 1]
     * @param seed     the run's seed
     */
    public Dataset load(String variant, Map<IdxFile, DataLocation> files, SplitSettings settings, boolean normalize,
            long seed) {
        List<DataFile> provenance = new ArrayList<>();
        ImagePool train = pool(files.get(IdxFile.TRAIN_IMAGES), files.get(IdxFile.TRAIN_LABELS), provenance);
        ImagePool test = pool(files.get(IdxFile.TEST_IMAGES), files.get(IdxFile.TEST_LABELS), provenance);
        return new DatasetAssembler(facts).assemble(variant, train, test, settings, facts.scaling(normalize), seed,
                provenance);
    }

    private ImagePool pool(DataLocation imagesLocation, DataLocation labelsLocation, List<DataFile> provenance) {
        FileContent imagesFile = FileContent.read(Objects.requireNonNull(imagesLocation, "images location"));
        FileContent labelsFile = FileContent.read(Objects.requireNonNull(labelsLocation, "labels location"));
        provenance.add(imagesFile.file());
        provenance.add(labelsFile.file());
        IdxImages images = cache.get(imagesFile.file(), IdxImages.class, () -> IdxReader.readImages(imagesFile),
                IdxImages::byteSize);
        IdxLabels labels = cache.get(labelsFile.file(), IdxLabels.class, () -> IdxReader.readLabels(labelsFile),
                IdxLabels::byteSize);
        InputShape shape = facts.info().shape();
        return IdxReader.pair(images, labels, facts.name(), shape.height(), shape.width(), facts.info().classes());
    }
}

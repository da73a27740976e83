package org.distill4j.datasets.split;

import org.distill4j.api.data.DataFile;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.datasets.images.DatasetFacts;
import org.distill4j.datasets.images.FeatureTensors;
import org.distill4j.datasets.images.ImagePool;
import org.distill4j.datasets.images.PixelScaling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * Turns decoded training and test pools into a {@link Dataset}: draws the subsets and the validation hold-out by
 * {@link StratifiedSampler}'s rule and converts the drawn images to fresh float tensors, so callers may modify what
 * they get without affecting later loads.
 */
public final class DatasetAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetAssembler.class);

    private final DatasetFacts facts;

    public DatasetAssembler(DatasetFacts facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /**
     * @param variant  where the images came from, for the dataset name ({@code embedded subset})
     * @param train    every image of the training file(s)
     * @param test     every image of the test file(s)
     * @param settings split sizes
     * @param scaling  pixel scaling
     * @param seed     the run's seed, from which every draw follows
     * @param files    the files read, for provenance
     */
    public Dataset assemble(String variant, ImagePool train, ImagePool test, SplitSettings settings,
            PixelScaling scaling, long seed, List<DataFile> files) {
        requireShape(train, "training");
        requireShape(test, "test");
        String name = facts.name() + " (" + variant + ")";
        int classes = facts.info().classes();

        int[] trainingSubset = draw(train, settings.trainSize(), "train-size", "training", name, seed,
                SplitStage.TRAIN_SUBSET);
        int[] subsetLabels = labelsAt(train, trainingSubset);
        int[] heldOutPositions = StratifiedSampler.sample(subsetLabels, classes,
                settings.validationCount(trainingSubset.length), seed, SplitStage.VALIDATION);
        int[] keptPositions = StratifiedSampler.complement(trainingSubset.length, heldOutPositions);
        int[] testSubset = draw(test, settings.testSize(), "test-size", "test", name, seed, SplitStage.TEST_SUBSET);

        Dataset dataset = new Dataset(name, facts.info().shape(), facts.info().classNames(),
                split(train, select(trainingSubset, keptPositions), scaling),
                split(train, select(trainingSubset, heldOutPositions), scaling),
                split(test, testSubset, scaling),
                files);
        LOG.info("{}: {} training, {} validation and {} test images (seed {})", name, dataset.train().size(),
                dataset.validation().size(), dataset.test().size(), seed);
        return dataset;
    }

    private int[] draw(ImagePool pool, int size, String parameter, String kind, String name, long seed,
            SplitStage stage) {
        if (size > pool.size()) {
            throw new IllegalArgumentException(parameter + " " + size + " is larger than the " + pool.size() + " "
                    + kind + " images of " + name + "; use at most " + pool.size() + ", or 0 for all of them");
        }
        int count = size == 0 ? pool.size() : size;
        return StratifiedSampler.sample(pool.labels(), facts.info().classes(), count, seed, stage);
    }

    private void requireShape(ImagePool pool, String kind) {
        if (!pool.shape().equals(facts.info().shape())) {
            throw new IllegalArgumentException(facts.name() + ": the " + kind + " images are " + pool.shape()
                    + ", expected " + facts.info().shape());
        }
    }

    private static DataSplit split(ImagePool pool, int[] indices, PixelScaling scaling) {
        int[] labels = labelsAt(pool, indices);
        return new DataSplit(FeatureTensors.build(pool, indices, scaling), labels);
    }

    private static int[] labelsAt(ImagePool pool, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = pool.label(indices[i]);
        }
        return labels;
    }

    private static int[] select(int[] values, int[] positions) {
        int[] selected = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            selected[i] = values[positions[i]];
        }
        return selected;
    }
}

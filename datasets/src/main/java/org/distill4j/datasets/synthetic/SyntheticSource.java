package org.distill4j.datasets.synthetic;

import jakarta.inject.Inject;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.images.DatasetFacts;
import org.distill4j.datasets.images.PixelScaling;
import org.distill4j.datasets.split.DatasetAssembler;
import org.distill4j.datasets.split.SplitSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code synthetic} dataset: class templates plus noise (see {@link SyntheticImages}), pixels in [0, 1], for
 * tests and smoke runs. It reads no file.
 */
public final class SyntheticSource implements DatasetSource {

    private final SyntheticParams params;
    private final DatasetFacts facts;

    @Inject
    public SyntheticSource(SyntheticParams params) {
        this.params = Objects.requireNonNull(params, "params");
        InputShape shape = new InputShape(params.channels(), params.height(), params.width());
        this.facts = new DatasetFacts("synthetic", new DatasetInfo(shape, classNames(params.classes())),
                PixelScaling.unitInterval(params.channels()));
    }

    @Override
    public DatasetInfo info() {
        return facts.info();
    }

    @Override
    public Dataset load(DataContext context) {
        SyntheticImages images = new SyntheticImages(params);
        String variant = params.classes() + " classes of " + facts.info().shape() + ", data-seed "
                + params.dataSeed();
        return new DatasetAssembler(facts).assemble(variant, images.train(), images.test(),
                new SplitSettings(0, params.validationFraction(), 0), facts.standardization(), context.seed(),
                List.of());
    }

    private static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int label = 0; label < classes; label++) {
            names.add("class-" + label);
        }
        return List.copyOf(names);
    }
}

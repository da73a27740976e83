package org.distill4j.datasets.mnist;

import jakarta.inject.Inject;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.idx.IdxDatasetLoader;
import org.distill4j.datasets.idx.IdxDirectory;

import java.nio.file.Path;
import java.util.Objects;

/** The {@code mnist} dataset, from a directory holding the four official IDX files. */
public final class MnistSource implements DatasetSource {

    private final MnistParams params;
    private final DecodedFileCache cache;

    @Inject
    public MnistSource(MnistParams params) {
        this(params, DecodedFileCache.shared());
    }

    public MnistSource(MnistParams params, DecodedFileCache cache) {
        this.params = Objects.requireNonNull(params, "params");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public DatasetInfo info() {
        return Mnist.FACTS.info();
    }

    @Override
    public Dataset load(DataContext context) {
        Path directory = context.resolve(params.directory());
        IdxDirectory files = new IdxDirectory(directory, Mnist.NAME, Mnist.HOW_TO_GET_FILES, Mnist.REMEDY);
        return new IdxDatasetLoader(Mnist.FACTS, cache).load(directory.toString(), files.locate(),
                params.splitSettings(), params.normalize(), context.seed());
    }
}

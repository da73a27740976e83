package org.distill4j.datasets.fashion;

import jakarta.inject.Inject;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.datasets.files.DataLocation;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.idx.IdxDatasetLoader;
import org.distill4j.datasets.idx.IdxDirectory;
import org.distill4j.datasets.idx.IdxFile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** The {@code fashion-mnist} dataset: the embedded subset, the Debian package's files, or a user's directory. */
public final class FashionMnistSource implements DatasetSource {

    private final FashionMnistParams params;
    private final Path debianDirectory;
    private final DecodedFileCache cache;

    @Inject
    public FashionMnistSource(FashionMnistParams params) {
        this(params, FashionMnist.DEBIAN_DIRECTORY, DecodedFileCache.shared());
    }

    /** For tests: another place for the Debian files, another cache. */
    public FashionMnistSource(FashionMnistParams params, Path debianDirectory, DecodedFileCache cache) {
        this.params = Objects.requireNonNull(params, "params");
        this.debianDirectory = Objects.requireNonNull(debianDirectory, "debianDirectory");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public DatasetInfo info() {
        return FashionMnist.FACTS.info();
    }

    @Override
    public Dataset load(DataContext context) {
        Map<IdxFile, DataLocation> files;
        String variant;
        switch (params.source()) {
            case EMBEDDED:
                files = EmbeddedFashionMnist.locations();
                variant = "embedded subset";
                break;
            case DEBIAN:
                files = new IdxDirectory(debianDirectory, FashionMnist.NAME, FashionMnist.HOW_TO_GET_FILES,
                        FashionMnist.DEBIAN_REMEDY).locate();
                variant = "Debian package, " + debianDirectory;
                break;
            case DIRECTORY:
                Path directory = context.resolve(params.directory());
                files = new IdxDirectory(directory, FashionMnist.NAME, FashionMnist.HOW_TO_GET_FILES,
                        FashionMnist.DIRECTORY_REMEDY).locate();
                variant = directory.toString();
                break;
            default:
                throw new IllegalStateException("unknown source " + params.source());
        }
        return new IdxDatasetLoader(FashionMnist.FACTS, cache).load(variant, files, params.splitSettings(),
                params.normalize(), context.seed());
    }
}

package org.distill4j.datasets.cifar;

import jakarta.inject.Inject;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.DataFile;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.datasets.files.DataLocation;
import org.distill4j.datasets.files.DecodedFileCache;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.files.FileLocation;
import org.distill4j.datasets.images.ImagePool;
import org.distill4j.datasets.split.DatasetAssembler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code cifar-10} dataset, from the binary batches in a user's directory. */
public final class Cifar10Source implements DatasetSource {

    private final Cifar10Params params;
    private final DecodedFileCache cache;

    @Inject
    public Cifar10Source(Cifar10Params params) {
        this(params, DecodedFileCache.shared());
    }

    public Cifar10Source(Cifar10Params params, DecodedFileCache cache) {
        this.params = Objects.requireNonNull(params, "params");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public DatasetInfo info() {
        return Cifar10.FACTS.info();
    }

    @Override
    public Dataset load(DataContext context) {
        Path batches = new Cifar10Directory(context.resolve(params.directory())).locate();
        List<DataFile> provenance = new ArrayList<>();
        List<ImagePool> trainBatches = new ArrayList<>();
        for (FileLocation file : Cifar10Directory.trainFiles(batches)) {
            trainBatches.add(batch(file, provenance));
        }
        ImagePool test = batch(Cifar10Directory.testFile(batches), provenance);
        return new DatasetAssembler(Cifar10.FACTS).assemble(batches.toString(), ImagePool.concatenate(trainBatches),
                test, params.splitSettings(), Cifar10.FACTS.scaling(params.normalize()), context.seed(), provenance);
    }

    private ImagePool batch(DataLocation location, List<DataFile> provenance) {
        FileContent content = FileContent.read(location);
        provenance.add(content.file());
        return cache.get(content.file(), ImagePool.class, () -> Cifar10Reader.read(content), ImagePool::byteSize);
    }
}

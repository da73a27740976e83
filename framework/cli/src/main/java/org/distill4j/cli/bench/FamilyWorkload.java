package org.distill4j.cli.bench;

import org.distill4j.api.ModelFamily;
import org.distill4j.models.mlp.MlpFamily;
import org.distill4j.models.mlp.MlpParams;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.models.vgg.VggFamily;
import org.distill4j.models.vgg.VggFinalPool;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.vgg.VggPreset;
import org.distill4j.models.wrn.WideResnetFamily;
import org.distill4j.models.wrn.WideResnetParams;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A model family with the parameters a descriptor would give it, under the name the benchmark's output and JSON use
 * (the PyTorch twin builds the same architecture under the same name).
 *
 * @param description the parameters as a descriptor writes them
 */
public record FamilyWorkload(String name, String description, ModelFamily family) {

    public FamilyWorkload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(family, "family");
    }

    /** The families of issue 18, small to large. */
    static final List<FamilyWorkload> ALL = List.of(
            new FamilyWorkload("mlp", "mlp {hidden: [800, 800]} (hinton2015 student)",
                    new MlpFamily(new MlpParams(List.of(800, 800), 0, 0))),
            new FamilyWorkload("vgg-cnn", "vgg {layers: [16, M, 32, M], hidden: [128], dropout: 0.5} (hinton2015 teacher-cnn)",
                    new VggFamily(new VggParams(null, List.of("16", "M", "32", "M"), 1, true, List.of(128), 0.5,
                            VggFinalPool.FLATTEN))),
            new FamilyWorkload("wrn-16-1", "wrn {depth: 16, widen-factor: 1}",
                    new WideResnetFamily(new WideResnetParams(16, 1))),
            new FamilyWorkload("wrn-16-2", "wrn {depth: 16, widen-factor: 2}",
                    new WideResnetFamily(new WideResnetParams(16, 2))),
            new FamilyWorkload("resnet-20", "resnet {depth: 20}",
                    new ResnetFamily(new ResnetParams(20))),
            new FamilyWorkload("vgg-16/4", "vgg {preset: vgg16, width-multiplier: 0.25} (fskd2020 teacher)",
                    new VggFamily(VggParams.of(VggPreset.VGG16, 0.25))));

    /** The named workloads, in the order given; an unknown name is an error that lists the known ones. */
    static List<FamilyWorkload> named(List<String> names) {
        return names.stream().map(FamilyWorkload::named).toList();
    }

    static FamilyWorkload named(String name) {
        return ALL.stream().filter(workload -> workload.name().equals(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model family workload '" + name
                        + "'; the benchmark has " + ALL.stream().map(FamilyWorkload::name)
                        .collect(Collectors.joining(", "))));
    }
}

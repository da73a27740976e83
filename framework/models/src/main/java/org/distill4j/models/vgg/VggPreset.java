package org.distill4j.models.vgg;

import java.util.List;

/**
 * The standard VGG configurations in their CIFAR form (Simonyan and Zisserman's columns A, B, D and E, each ending
 * in a max-pool, with the classifier reading the last map directly). {@code M} is a 2x2 max-pool.
 */
public enum VggPreset {
    VGG11(List.of("64", "M", "128", "M", "256", "256", "M", "512", "512", "M", "512", "512", "M")),
    VGG13(List.of("64", "64", "M", "128", "128", "M", "256", "256", "M", "512", "512", "M", "512", "512", "M")),
    VGG16(List.of("64", "64", "M", "128", "128", "M", "256", "256", "256", "M", "512", "512", "512", "M",
            "512", "512", "512", "M")),
    VGG19(List.of("64", "64", "M", "128", "128", "M", "256", "256", "256", "256", "M", "512", "512", "512", "512", "M",
            "512", "512", "512", "512", "M"));

    private final List<String> layers;

    VggPreset(List<String> layers) {
        this.layers = layers;
    }

    /** The configuration as a descriptor's {@code layers} would write it. */
    public List<String> layers() {
        return layers;
    }
}

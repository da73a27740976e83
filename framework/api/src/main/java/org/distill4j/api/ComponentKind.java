package org.distill4j.api;

import java.util.Locale;

/** The kinds of named component a plugin can provide, each with the interface its implementations implement. */
public enum ComponentKind {
    DISTILLER(Distiller.class),
    COMPRESSOR(Compressor.class),
    ALIGNER(Aligner.class),
    MODEL_FAMILY(ModelFamily.class),
    DATASET(DatasetSource.class),
    OPTIMIZER(Optimizer.class),
    SCHEDULE(LearningRateSchedule.class);

    private final Class<?> contract;

    ComponentKind(Class<?> contract) {
        this.contract = contract;
    }

    /** The interface every implementation of this kind implements. */
    public Class<?> contract() {
        return contract;
    }

    /** The kind as users write it, e.g. {@code model-family}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

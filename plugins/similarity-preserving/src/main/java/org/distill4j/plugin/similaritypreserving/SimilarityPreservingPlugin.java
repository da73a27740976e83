package org.distill4j.plugin.similaritypreserving;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Similarity-preserving knowledge distillation: the student keeps the teacher's pairwise similarities of a batch. */
public final class SimilarityPreservingPlugin implements Distill4jPlugin {

    static final String CITATION = "Tung, Mori. Similarity-Preserving Knowledge Distillation. ICCV 2019,"
            + " arXiv:1907.09682";

    @Override
    public String name() {
        return "similarity-preserving";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("similarity-preserving", SimilarityPreservingParams.class,
                SimilarityPreservingDistiller.class, "matches the row-normalised batch similarity matrices F F^T of"
                        + " student and teacher activations: gamma sum_pairs |G_s - G_t|_F^2 / B^2 (the SP term;"
                        + " add cross-entropy or hinton-kd)", CITATION));
    }
}

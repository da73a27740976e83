package org.distill4j.plugin.correlationcongruence;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Correlation congruence: the student matches correlations between the samples of a batch, not single samples. */
public final class CorrelationCongruencePlugin implements Distill4jPlugin {

    static final String CITATION = "Peng, Jin, Liu, Zhou, Wu, Liu, Li, Zhang. Correlation Congruence for Knowledge"
            + " Distillation. ICCV 2019, arXiv:1904.01802";

    @Override
    public String name() {
        return "correlation-congruence";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("correlation-congruence", CorrelationCongruenceParams.class,
                CorrelationCongruenceDistiller.class, "correlation between instances: RepDistiller's code"
                        + " (products of neighbouring samples' |e_s - e_t| on trainable linear embeddings) or the"
                        + " paper's Taylor-expanded Gaussian kernel matrices (the CC term; add cross-entropy or"
                        + " hinton-kd)", CITATION));
    }
}

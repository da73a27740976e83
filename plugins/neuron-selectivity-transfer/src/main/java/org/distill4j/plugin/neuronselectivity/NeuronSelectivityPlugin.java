package org.distill4j.plugin.neuronselectivity;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** Neuron selectivity transfer: the teacher's distribution of channel activation patterns, matched by MMD. */
public final class NeuronSelectivityPlugin implements Distill4jPlugin {

    static final String CITATION = "Huang, Wang. Like What You Like: Knowledge Distill via Neuron Selectivity"
            + " Transfer. arXiv:1707.01219, 2017";

    @Override
    public String name() {
        return "neuron-selectivity-transfer";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(Component.distiller("nst", NeuronSelectivityParams.class, NeuronSelectivityDistiller.class,
                "squared MMD, with a polynomial kernel (x.y + c)^d, between the student's and the teacher's sets of"
                        + " L2-normalised channel maps (each channel's spatial pattern), summed over pairs of taps",
                CITATION));
    }
}

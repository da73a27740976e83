package org.distill4j.plugin.attentiontransfer;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/**
 * Attention transfer and its full-activation comparison (F-ActT), and the input-gradient methods of the same paper:
 * gradient-based attention transfer and the flip-invariance regulariser.
 */
public final class AttentionTransferPlugin implements Distill4jPlugin {

    static final String CITATION = "Zagoruyko, Komodakis. Paying More Attention to Attention: Improving the Performance"
            + " of Convolutional Neural Networks via Attention Transfer. ICLR 2017, arXiv:1612.03928";

    @Override
    public String name() {
        return "attention-transfer";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.distiller("attention-transfer", AttentionTransferParams.class,
                        AttentionTransferDistiller.class, "matches normalised spatial attention maps F(A) of student"
                                + " and teacher feature maps (the attention term; add cross-entropy or hinton-kd)",
                        CITATION),
                Component.distiller("activation-transfer", ActivationTransferParams.class,
                        ActivationTransferDistiller.class, "F-ActT: matches whole normalised activations of equal"
                                + " channel count (the comparison row of the AT paper)", CITATION),
                Component.distiller("gradient-attention-transfer", GradientAttentionTransferParams.class,
                        GradientAttentionTransferDistiller.class, "gradient-based AT: matches the student's input"
                                + " gradient dCE/dx (reserved tap input.gradient) to the teacher's, which needs a"
                                + " teacher without batch norm and dropout; 3 extra student passes per step (add"
                                + " cross-entropy)", CITATION),
                Component.distiller("flip-invariance", FlipInvarianceParams.class, FlipInvarianceDistiller.class,
                        "no teacher: the input gradient at the mirrored image (its own tap flipped-input.gradient)"
                                + " should equal the mirrored input gradient (input.gradient); 6 extra student passes"
                                + " per step (add cross-entropy)", CITATION));
    }
}

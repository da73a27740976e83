package org.distill4j.plugin.fskd;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A copy of a network whose graph also outputs some intermediate vertices (NetworkFactory's taps: the logits first,
 * then each tapped vertex through an identity layer {@code <vertex>@tap}). Its spec is the original's, so the
 * surgery reads and writes its parameters by the same vertex names.
 */
public record FskdTappedNetwork(Network network, List<String> outputs) {

    /** The suffix NetworkFactory gives a tap's identity layer. */
    static final String TAP_SUFFIX = "@tap";

    public FskdTappedNetwork {
        outputs = List.copyOf(outputs);
    }

    /** A tapped copy of the network with all of its parameters. */
    public static FskdTappedNetwork of(Network network, List<String> taps, NetworkFactory factory, long seed) {
        Network tapped = factory.build(network.spec(), seed, taps);
        List<String> notCopied = NetworkWeights.copyMatching(network, tapped);
        if (!notCopied.isEmpty()) {
            throw new IllegalStateException("could not copy the parameters of " + notCopied + " into the tapped copy");
        }
        return new FskdTappedNetwork(tapped, tapped.graph().getConfiguration().getNetworkOutputs());
    }

    /** The position of a tapped vertex among the graph outputs. */
    public int index(String vertex) {
        int index = outputs.indexOf(vertex + TAP_SUFFIX);
        if (index < 0) {
            throw new IllegalArgumentException("vertex '" + vertex + "' is not tapped; the graph outputs " + outputs);
        }
        return index;
    }

    /** Every graph output for a batch, in inference mode. */
    public INDArray[] outputs(INDArray features) {
        return network.graph().output(false, features);
    }
}

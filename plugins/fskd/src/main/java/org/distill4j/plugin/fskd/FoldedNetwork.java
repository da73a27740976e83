package org.distill4j.plugin.fskd;

import org.distill4j.api.network.Network;

import java.util.Map;
import java.util.Objects;

/**
 * A network whose batch norms that follow convolutions were folded into them.
 *
 * @param network     the folded network: each folded conv has a bias and its batch norm is gone
 * @param batchNorms  for each folded conv, the name of the batch norm it absorbed (needed to restore the architecture)
 */
public record FoldedNetwork(Network network, Map<String, String> batchNorms) {

    public FoldedNetwork {
        Objects.requireNonNull(network, "network");
        batchNorms = Map.copyOf(batchNorms);
    }
}

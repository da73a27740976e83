package org.distill4j.models.graph;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

/** Builds inference-ready networks: no taps, no updater, no weight decay (see {@link GraphBuilder}). */
public final class GraphNetworkFactory implements NetworkFactory {

    @Override
    public Network build(NetworkSpec spec, long seed) {
        return new Network(spec, GraphBuilder.build(spec, GraphSettings.inference(seed)));
    }
}

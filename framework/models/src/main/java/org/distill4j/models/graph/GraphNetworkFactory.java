package org.distill4j.models.graph;

import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

import java.util.List;

/** Builds inference-ready networks: no updater, no weight decay (see {@link GraphBuilder}). */
public final class GraphNetworkFactory implements NetworkFactory {

    @Override
    public Network build(NetworkSpec spec, long seed) {
        return new Network(spec, GraphBuilder.build(spec, GraphSettings.inference(seed)));
    }

    @Override
    public Network build(NetworkSpec spec, long seed, List<String> taps) {
        return new Network(spec, GraphBuilder.build(spec, GraphSettings.inference(seed).withTaps(taps)));
    }
}

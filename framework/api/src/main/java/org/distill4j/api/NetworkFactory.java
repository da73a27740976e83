package org.distill4j.api;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

import java.util.List;

/** Builds DL4J graphs from network specs; the kernel provides it to plugins. */
public interface NetworkFactory {

    /** A freshly initialised network for the spec, deterministic for the seed; its only output is the spec's. */
    Network build(NetworkSpec spec, long seed);

    /**
     * A freshly initialised network whose graph outputs the spec's output first and then each tapped vertex's
     * activation, in the spec's topological order (each through its own identity layer, so a tapped vertex keeps
     * the error back-propagated from later layers). For aligners that train on intermediate activations.
     */
    Network build(NetworkSpec spec, long seed, List<String> taps);
}

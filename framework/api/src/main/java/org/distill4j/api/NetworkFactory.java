package org.distill4j.api;

import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

/** Builds DL4J graphs from network specs; the kernel provides it to plugins. */
public interface NetworkFactory {

    /** A freshly initialised network for the spec, deterministic for the seed. */
    Network build(NetworkSpec spec, long seed);
}

package org.distill4j.kernel.records;

import org.distill4j.api.network.NetworkStatistics;

/** The size and cost of a network. */
public record NetworkSize(long parameters, long multiplyAccumulates) {

    public static NetworkSize of(NetworkStatistics statistics) {
        return new NetworkSize(statistics.parameters(), statistics.multiplyAccumulates());
    }
}

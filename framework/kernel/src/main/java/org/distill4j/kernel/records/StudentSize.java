package org.distill4j.kernel.records;

import org.distill4j.api.network.NetworkSpec;

/** The {@code student} section of {@code metrics.json}: its family and size. */
public record StudentSize(String family, long parameters, long multiplyAccumulates) {

    public static StudentSize of(NetworkSpec spec) {
        return new StudentSize(spec.family(), spec.statistics().parameters(), spec.statistics().multiplyAccumulates());
    }
}

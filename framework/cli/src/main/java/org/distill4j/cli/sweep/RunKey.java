package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.run.RunStore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run of the result store: an experiment identity and a seed, stored in
 * {@code <results>/<experiment>/<hash12>/seed-<n>/}.
 *
 * @param experimentId the experiment id
 * @param hash         the experiment's full hash
 * @param seed         the seed
 */
public record RunKey(String experimentId, String hash, long seed) {

    public RunKey {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(hash, "hash");
        if (hash.length() < 12) {
            throw new IllegalArgumentException("a run's hash has at least 12 hexadecimal digits, got '" + hash + "'");
        }
    }

    public static RunKey of(ResolvedExperiment experiment, long seed) {
        return new RunKey(experiment.id(), experiment.hash(), seed);
    }

    public String hash12() {
        return hash.substring(0, 12);
    }

    /** Where the run lives in a result store. */
    public Path directory(RunStore store) {
        return store.runDirectory(experimentId, hash12(), seed);
    }

    /** How progress lines name the run: {@code hinton2015/kd-t4 seed 2}. */
    public String label() {
        return experimentId + " seed " + seed;
    }

    @Override
    public String toString() {
        return experimentId + "/" + hash12() + "/seed-" + seed;
    }
}

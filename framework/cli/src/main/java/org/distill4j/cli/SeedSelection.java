package org.distill4j.cli;

import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The {@code --seeds} of run and sweep: a subset of the descriptors' seeds, or a problem that lists them. */
final class SeedSelection {

    private SeedSelection() {
    }

    /**
     * The problem with the requested seeds, or empty when every one is a seed of at least one descriptor (or none
     * was requested).
     *
     * @param requested the {@code --seeds} given, or null for all
     */
    static Optional<String> problem(List<Long> requested, Collection<ResolvedExperiment> experiments) {
        if (requested == null) {
            return Optional.empty();
        }
        SortedSet<Long> known = new TreeSet<>();
        experiments.forEach(experiment -> known.addAll(experiment.seeds()));
        SortedSet<Long> unknown = new TreeSet<>(requested);
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("--seeds " + unknown + (unknown.size() == 1 ? " is not a seed" : " are not seeds")
                + " of the descriptors, whose seeds are " + known + "; pick from those, or add the seed to a"
                + " descriptor's 'seeds' (seeds are not part of an experiment's identity, so its other runs stay"
                + " valid)");
    }
}

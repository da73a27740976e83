package org.distill4j.kernel.descriptor;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A teacher that is the student model of another experiment, trained once per seed and cached by that
 * experiment's identity.
 *
 * @param experiment the teacher's experiment, resolved with the same profile as the student's
 * @param fixedSeed  the seed the teacher is trained with; empty to use the student's seed
 */
public record ExperimentTeacher(ResolvedExperiment experiment, OptionalLong fixedSeed) implements TeacherChoice {

    public ExperimentTeacher {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(fixedSeed, "fixedSeed");
        if (fixedSeed.isPresent() && fixedSeed.getAsLong() < 0) {
            throw new IllegalArgumentException("a teacher seed must be >= 0, got " + fixedSeed.getAsLong());
        }
    }

    /** The seed of the teacher run that teaches the student run with the given seed. */
    public long seedFor(long studentSeed) {
        return fixedSeed.orElse(studentSeed);
    }
}

package org.distill4j.kernel.run;

import org.distill4j.api.TrainingHook;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

import java.util.Objects;
import java.util.Optional;

/**
 * The student before training, as the make-student stage leaves it.
 *
 * @param spec       its architecture
 * @param weights    the weights it starts from (a compressed teacher), or empty to start from its family's
 *                   initialisation
 * @param training   what every training of the student must do around its updates to keep how it was made
 *                   (unstructured pruning's masks); usually {@link TrainingHook#NONE}
 * @param origin     what this stage adds to the run's records
 */
record MadeStudent(NetworkSpec spec, Optional<Network> weights, TrainingHook training, StudentOrigin origin) {

    MadeStudent {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(origin, "origin");
    }

    /** A student trained from its family's initialisation, with nothing to record about how it was made. */
    static MadeStudent fromFamily(NetworkSpec spec) {
        return new MadeStudent(spec, Optional.empty(), TrainingHook.NONE, StudentOrigin.FAMILY);
    }
}

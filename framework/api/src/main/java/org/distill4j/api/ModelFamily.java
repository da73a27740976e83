package org.distill4j.api;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;

import java.util.Optional;

/**
 * A named architecture family (MLP, VGG, ResNet, ...) that turns its parameters into a network spec.
 *
 * <p>A family may instead be <em>derived</em>: it designs its architecture from a trained network, such as a student
 * whose layer widths match the non-zero weights of a pruned teacher (Park and No 2022). Its widths are unknown until
 * that network is trained, so the kernel cannot ask it for a spec from its parameters alone: the descriptor names the
 * trained network's experiment as {@code student.source}, and the run trains (or reuses) that experiment, loads its
 * model and calls {@link #design(InputShape, int, Network)}. A derived family keeps the vertex names of the source's
 * spec, which is how descriptors are checked before anything is trained.
 */
public interface ModelFamily {

    /** The architecture for inputs of the given shape and the given number of classes. */
    NetworkSpec specify(InputShape input, int classes);

    /**
     * Whether this family designs its architecture from a trained source network ({@link #design(InputShape, int,
     * Network)}) instead of from its parameters; a derived family needs {@code student.source} in the descriptor.
     */
    default boolean derived() {
        return false;
    }

    /**
     * The architecture designed from a trained network, for a {@link #derived()} family.
     *
     * @param source the trained source network with the spec of its own family (the architecture before any
     *               compression of it; unstructured pruning keeps it, storing the pruned weights as zeros)
     * @throws UnsupportedOperationException for a family that is not derived
     */
    default NetworkSpec specify(InputShape input, int classes, Network source) {
        throw new UnsupportedOperationException(getClass().getName() + " builds its architecture from its parameters"
                + " and reads no source network; only a derived family (derived() true) does");
    }

    /**
     * The architecture designed from a trained network, with the facts of the design the run records: by default
     * {@link #specify(InputShape, int, Network)} and nothing more; a family whose rule matches something measurable
     * (the non-zero weights of a pruned source) says so in its details.
     */
    default StudentDesign design(InputShape input, int classes, Network source) {
        return new StudentDesign(specify(input, classes, source), Optional.empty(), "");
    }
}

package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a run's student comes from: one of three, told apart by type so that the run engine switches over them
 * instead of testing optional fields.
 */
public sealed interface StudentSource {

    /**
     * The model family whose spec the student has before any compression; the compressed student keeps its vertex
     * names.
     */
    ComponentChoice model();

    /** The trained network a derived family designs the student from, if the student has one. */
    default Optional<ExperimentTeacher> designSource() {
        return this instanceof Derived derived ? Optional.of(derived.source()) : Optional.empty();
    }

    /** A student trained from its model family's initialisation ({@code student.model}). */
    record Trained(ComponentChoice model) implements StudentSource {

        public Trained {
            requireFamily(model);
        }
    }

    /**
     * A student whose derived model family designs its architecture from a trained network ({@code student.model}
     * with {@code student.source}), then trained from its initialisation.
     *
     * @param source the source run's experiment, trained (or reused) first
     */
    record Derived(ComponentChoice model, ExperimentTeacher source) implements StudentSource {

        public Derived {
            requireFamily(model);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The teacher compressed ({@code student.compressor}), recovered by an aligner when there is one, then
     * fine-tuned when the experiment has training.
     *
     * @param model      the teacher experiment's model family: the architecture the compressor receives
     * @param compressor the compressor component
     * @param aligner    the aligner component, if any
     */
    record Compressed(ComponentChoice model, ComponentChoice compressor, Optional<ComponentChoice> aligner)
            implements StudentSource {

        public Compressed {
            requireFamily(model);
            Objects.requireNonNull(compressor, "compressor");
            Objects.requireNonNull(aligner, "aligner");
            if (compressor.kind() != ComponentKind.COMPRESSOR) {
                throw new IllegalArgumentException("expected a compressor, got " + compressor);
            }
            aligner.filter(choice -> choice.kind() != ComponentKind.ALIGNER).ifPresent(choice -> {
                throw new IllegalArgumentException("expected an aligner, got " + choice);
            });
        }
    }

    private static void requireFamily(ComponentChoice model) {
        Objects.requireNonNull(model, "model");
        if (model.kind() != ComponentKind.MODEL_FAMILY) {
            throw new IllegalArgumentException("expected a model family, got " + model);
        }
    }
}

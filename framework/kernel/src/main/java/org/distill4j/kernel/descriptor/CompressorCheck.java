package org.distill4j.kernel.descriptor;

import org.distill4j.api.Compressor;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.Problem;
import org.distill4j.api.data.DatasetInfo;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.plugin.ComponentFactory;

import java.util.Optional;

/**
 * Asks a compressed student's compressor whether its parameters fit the teacher's architecture (a layer it names
 * that the network does not have), when the descriptor is read: otherwise the problem shows only after the teacher
 * has trained.
 */
final class CompressorCheck {

    private CompressorCheck() {
    }

    static Optional<Problem> check(DescriptorDocument document, Optional<ComponentChoice> architecture,
            ComponentFactory factory) {
        if (!document.student().compressed() || architecture.isEmpty()) {
            return Optional.empty();
        }
        NetworkSpec spec;
        try {
            DatasetInfo data = create(factory, document.dataset().choice(), DatasetSource.class).info();
            spec = create(factory, architecture.get(), ModelFamily.class).specify(data.shape(), data.classes());
        } catch (RuntimeException e) {
            // A network that cannot be built (or a derived one, which has no spec of its own) is TapCheck's to report.
            return Optional.empty();
        }
        ComponentChoice compressor = document.student().compressor().choice();
        Compressor created = create(factory, compressor, Compressor.class);
        if (created.masksWeights() && document.student().aligner() != null) {
            return Optional.of(new Problem("student.aligner", "compressor '" + compressor.name() + "' holds pruned"
                    + " weights at zero, which aligner '" + document.student().aligner().choice().name() + "' would"
                    + " fill in by merging its layers; remove the aligner (recover the pruned student by training),"
                    + " or use a compressor that removes channels"));
        }
        return created.problem(spec)
                .map(message -> new Problem("student.compressor.params", "compressor '" + compressor.name()
                        + "' cannot compress the teacher's " + spec.family() + " network: " + message));
    }

    private static <T> T create(ComponentFactory factory, ComponentChoice choice, Class<T> contract) {
        return factory.create(choice.kind(), choice.name(), choice.parameters(), contract);
    }
}

package org.distill4j.kernel.run;

import org.distill4j.api.ModelFamily;
import org.distill4j.api.StudentDesign;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.kernel.descriptor.ExperimentTeacher;
import org.distill4j.kernel.records.SourceMetrics;
import org.distill4j.kernel.records.TeacherIdentity;
import org.distill4j.kernel.records.TeacherProvenance;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The architecture of a student whose model family is derived ({@link ModelFamily#derived()}): designed from its
 * {@code student.source}, a trained network, with what the run records about it (the source run, the designed
 * widths, and the facts the family's design rule reports).
 *
 * <p>The source network is given to the family with the spec of the source experiment's own model family. For a
 * compressed source (a magnitude-pruned teacher) that spec is the architecture before compression, which is right
 * only when the compression kept every shape, as unstructured pruning does (it stores pruned weights as zeros); a
 * structured compressor narrows layers, and the check here stops the run with the layer that differs.
 *
 * @param spec       the designed architecture
 * @param metrics    the {@code student-source} section of {@code metrics.json}: the source run's experiment, hash
 *                   and seed, the designed width of every convolution and dense layer, and the family's design
 *                   details (deterministic values only)
 * @param provenance the {@code student-source} section of {@code provenance.json}: the source run's directory and
 *                   model hash
 */
record DerivedStudent(NetworkSpec spec, SourceMetrics metrics, TeacherProvenance provenance) {

    /**
     * @param family       the student's (derived) model family
     * @param source       the source reference, for messages
     * @param loaded       the source run's trained network, with its records
     * @param sourceFamily the source experiment's model family, whose spec the trained network has
     * @param studentSeed  the student run's seed (the source run's may be fixed)
     */
    static DerivedStudent design(ModelFamily family, ExperimentTeacher source, LoadedTeacher loaded,
            ModelFamily sourceFamily, Dataset data, long studentSeed, PrintStream out) {
        long sourceSeed = source.seedFor(studentSeed);
        String label = "student.source " + source.experiment().id() + " seed " + sourceSeed;
        NetworkSpec sourceSpec = sourceFamily.specify(data.shape(), data.classes());
        ArchitectureFit.mismatch(sourceSpec, loaded.network()).ifPresent(problem -> {
            throw new IllegalArgumentException(label + ": " + problem + "; a derived student needs a source whose"
                    + " architecture its pruning kept (unstructured pruning)");
        });
        StudentDesign design = family.design(data.shape(), data.classes(), new Network(sourceSpec, loaded.network()));
        NetworkSpec spec = design.spec();
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (NodeSpec node : spec.nodes()) {
            if (node instanceof NodeSpec.Conv2d conv) {
                widths.put(conv.name(), conv.outChannels());
            } else if (node instanceof NodeSpec.Dense dense) {
                widths.put(dense.name(), dense.units());
            }
        }
        TeacherIdentity identity = loaded.identity();
        SourceMetrics metrics = new SourceMetrics(identity.experiment(), identity.hash(), identity.seed(), widths,
                design.details().orElse(null));
        out.printf(Locale.ROOT, "   student %s designed from %s: %s; %,d parameters%s%n", spec.family(), label,
                widths.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", ")),
                spec.statistics().parameters(), design.summary().isEmpty() ? "" : ", " + design.summary());
        return new DerivedStudent(spec, metrics, loaded.provenance());
    }

    /** The student as the make-student stage hands it on: the designed spec, trained from its initialisation. */
    MadeStudent made() {
        return new MadeStudent(spec, Optional.empty(), TrainingHook.NONE,
                new StudentOrigin(null, null, metrics, provenance, null, null));
    }

}

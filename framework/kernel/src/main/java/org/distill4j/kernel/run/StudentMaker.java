package org.distill4j.kernel.run;

import org.distill4j.api.Aligner;
import org.distill4j.api.Compressor;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.descriptor.StudentSource;

import java.io.PrintStream;
import java.util.Optional;

/** The make-student stage of a run: the student's architecture and starting weights, by where it comes from. */
final class StudentMaker {

    private final RunComponents components;
    private final TeacherLoader teachers;
    private final NetworkFactory networks;
    private final PrintStream out;

    StudentMaker(RunComponents components, TeacherLoader teachers, NetworkFactory networks, PrintStream out) {
        this.components = components;
        this.teachers = teachers;
        this.networks = networks;
        this.out = out;
    }

    /** Rejects an aligner that asks for more images than the split holds, before any teacher is trained for it. */
    void checkAligner(ResolvedExperiment experiment, Dataset data) {
        if (experiment.student() instanceof StudentSource.Compressed compressed) {
            compressed.aligner().ifPresent(choice -> RunCompressionContext.check(
                    components.create(choice, Aligner.class).samples(), data));
        }
    }

    /**
     * @param teacher   the run's teacher; a compressed student is made from it
     * @param retrainer trains a compressor's intermediate network the way the run trains its student
     */
    MadeStudent make(ResolvedExperiment experiment, Dataset data, Optional<LoadedTeacher> teacher, long seed,
            RunCompressionContext.Retrainer retrainer) {
        StudentSource source = experiment.student();
        ModelFamily family = components.create(source.model(), ModelFamily.class);
        if (source instanceof StudentSource.Derived derived) {
            // A derived family designs the student from a trained network: its source run, trained first if not DONE.
            return DerivedStudent.design(family, derived.source(), teachers.load(derived.source(), seed),
                    components.create(derived.source().experiment().studentModel(), ModelFamily.class), data, seed,
                    out).made();
        }
        if (source instanceof StudentSource.Compressed compressed) {
            return CompressedStudent.make(family.specify(data.shape(), data.classes()),
                    teacher.orElseThrow().network(), components.create(compressed.compressor(), Compressor.class),
                    compressed.compressor().name(),
                    compressed.aligner().map(choice -> components.create(choice, Aligner.class)),
                    compressed.aligner().map(choice -> choice.name()).orElse(""), data, seed, networks, out,
                    retrainer).made();
        }
        return MadeStudent.fromFamily(family.specify(data.shape(), data.classes()));
    }
}

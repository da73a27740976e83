package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.ExperimentTeacher;
import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs a run's teachers consist of: its teacher experiment's run (with the seed the teacher reference gives),
 * that teacher's teacher's run, and so on. A file teacher ends the chain: it is a model, not a run.
 */
public final class TeacherChain {

    public static List<RunKey> of(ResolvedExperiment experiment, long seed) {
        List<RunKey> chain = new ArrayList<>();
        Optional<ExperimentTeacher> teacher = experimentTeacher(experiment);
        long studentSeed = seed;
        while (teacher.isPresent()) {
            long teacherSeed = teacher.get().seedFor(studentSeed);
            chain.add(RunKey.of(teacher.get().experiment(), teacherSeed));
            studentSeed = teacherSeed;
            teacher = experimentTeacher(teacher.get().experiment());
        }
        return List.copyOf(chain);
    }

    private static Optional<ExperimentTeacher> experimentTeacher(ResolvedExperiment experiment) {
        return experiment.teacher().filter(ExperimentTeacher.class::isInstance).map(ExperimentTeacher.class::cast);
    }

    private TeacherChain() {
    }
}

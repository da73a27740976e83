package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.ExperimentTeacher;
import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runs a run needs before it can start: its teacher experiment's run (with the seed the teacher reference gives),
 * the source run a derived student is designed from ({@code student.source}), and theirs in turn, nearest first. A
 * file teacher ends its branch: it is a model, not a run. Every run a run needs needs strictly fewer runs itself,
 * which is what the sweep's ordering relies on.
 */
public final class TeacherChain {

    public static List<RunKey> of(ResolvedExperiment experiment, long seed) {
        Set<RunKey> needed = new LinkedHashSet<>();
        Deque<Reference> open = new ArrayDeque<>(references(experiment, seed));
        while (!open.isEmpty()) {
            Reference next = open.removeFirst();
            long runSeed = next.reference().seedFor(next.dependentSeed());
            if (needed.add(RunKey.of(next.reference().experiment(), runSeed))) {
                open.addAll(references(next.reference().experiment(), runSeed));
            }
        }
        return List.copyOf(new ArrayList<>(needed));
    }

    private record Reference(ExperimentTeacher reference, long dependentSeed) {
    }

    private static List<Reference> references(ResolvedExperiment experiment, long seed) {
        List<Reference> references = new ArrayList<>();
        experimentTeacher(experiment).ifPresent(teacher -> references.add(new Reference(teacher, seed)));
        experiment.student().designSource().ifPresent(source -> references.add(new Reference(source, seed)));
        return references;
    }

    private static Optional<ExperimentTeacher> experimentTeacher(ResolvedExperiment experiment) {
        return experiment.teacher().filter(ExperimentTeacher.class::isInstance).map(ExperimentTeacher.class::cast);
    }

    private TeacherChain() {
    }
}

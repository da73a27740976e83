package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.ParameterBinder;

import java.util.Optional;

/**
 * A teacher experiment must use the student's dataset, name and resolved parameters alike: a teacher trained on
 * other data (another subset, another directory) would teach the wrong thing and break the tap shapes.
 */
final class TeacherDatasetCheck {

    static Optional<Problem> check(ComponentChoice dataset, TeacherChoice teacher, ParameterBinder binder) {
        if (!(teacher instanceof ExperimentTeacher experimentTeacher) || sameDataset(dataset, teacher)) {
            return Optional.empty();
        }
        ResolvedExperiment experiment = experimentTeacher.experiment();
        return Optional.of(new Problem("teacher.experiment", "the teacher experiment '" + experiment.id()
                + "' uses dataset " + text(experiment.dataset(), binder) + ", but this experiment uses "
                + text(dataset, binder) + "; a teacher must use the same dataset (name and parameters)"));
    }

    /** Whether an experiment teacher uses the given dataset; a file teacher always passes (it cannot be checked). */
    static boolean sameDataset(ComponentChoice dataset, TeacherChoice teacher) {
        if (teacher instanceof ExperimentTeacher experimentTeacher) {
            ComponentChoice other = experimentTeacher.experiment().dataset();
            return other.name().equals(dataset.name()) && other.parameters().equals(dataset.parameters());
        }
        return true;
    }

    private static String text(ComponentChoice dataset, ParameterBinder binder) {
        return "'" + dataset.name() + "' " + binder.toTree(dataset.parameters());
    }

    private TeacherDatasetCheck() {
    }
}

package org.distill4j.kernel.descriptor;

import org.distill4j.api.Parameter;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.KebabCase;
import org.distill4j.kernel.parameters.ParameterBinder;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A teacher experiment must use the student's dataset, name and resolved parameters alike: a teacher trained on
 * other data (another directory, other preprocessing) would teach the wrong thing and break the tap shapes. Only
 * parameters marked {@link Parameter#subset()} may differ: they draw other images of the same data, as a student
 * trained on a few images of the teacher's training set does (Hinton et al.'s 3% regime, few-sample distillation).
 */
final class TeacherDatasetCheck {

    static Optional<Problem> check(ComponentChoice dataset, TeacherChoice teacher, ParameterBinder binder) {
        return check(dataset, teacher, binder, "teacher.experiment", "teacher");
    }

    /**
     * The same check for another experiment the student reads, such as the source of a derived student.
     *
     * @param path where the problem is reported
     * @param role what the other experiment is to the student ("teacher", "source")
     */
    static Optional<Problem> check(ComponentChoice dataset, TeacherChoice teacher, ParameterBinder binder, String path,
            String role) {
        if (!(teacher instanceof ExperimentTeacher experimentTeacher) || sameDataset(dataset, teacher)) {
            return Optional.empty();
        }
        ResolvedExperiment experiment = experimentTeacher.experiment();
        return Optional.of(new Problem(path, "the " + role + " experiment '" + experiment.id()
                + "' uses dataset " + text(experiment.dataset(), binder) + ", but this experiment uses "
                + text(dataset, binder) + "; a " + role + " must use the same dataset (name and parameters"
                + subsetNote(dataset.parameters()) + ")"));
    }

    /** Whether an experiment teacher uses the given dataset; a file teacher always passes (it cannot be checked). */
    static boolean sameDataset(ComponentChoice dataset, TeacherChoice teacher) {
        if (teacher instanceof ExperimentTeacher experimentTeacher) {
            ComponentChoice other = experimentTeacher.experiment().dataset();
            return other.name().equals(dataset.name()) && sameData(other.parameters(), dataset.parameters());
        }
        return true;
    }

    private static boolean sameData(Record teacher, Record student) {
        if (!teacher.getClass().equals(student.getClass())) {
            return false;
        }
        for (RecordComponent component : student.getClass().getRecordComponents()) {
            if (!isSubset(component) && !Objects.equals(value(component, teacher), value(component, student))) {
                return false;
            }
        }
        return true;
    }

    private static String subsetNote(Record parameters) {
        List<String> keys = Arrays.stream(parameters.getClass().getRecordComponents())
                .filter(TeacherDatasetCheck::isSubset)
                .map(component -> KebabCase.ofCamelCase(component.getName()))
                .toList();
        return keys.isEmpty() ? "" : "; parameters that only draw a subset (" + String.join(", ", keys) + ") may differ";
    }

    private static boolean isSubset(RecordComponent component) {
        Parameter parameter = component.getAnnotation(Parameter.class);
        return parameter != null && parameter.subset();
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of " + record, e);
        }
    }

    private static String text(ComponentChoice dataset, ParameterBinder binder) {
        return "'" + dataset.name() + "' " + binder.toTree(dataset.parameters());
    }

    private TeacherDatasetCheck() {
    }
}

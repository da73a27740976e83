package org.distill4j.kernel.descriptor;

import org.distill4j.api.ModelFamily;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.plugin.ComponentFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of {@code student.source}, the trained network a derived model family ({@link ModelFamily#derived()})
 * designs the student from: a derived family needs a source and only a derived family takes one; the source uses
 * the student's dataset and is not itself a derived student (whose architecture is only known once it runs); and a
 * derived student cannot be compressed, since the compressor needs its architecture before the run.
 */
final class StudentSourceCheck {

    static List<Problem> check(DescriptorDocument document, ParameterBinder binder, ComponentFactory factory) {
        List<Problem> problems = new ArrayList<>();
        DescriptorDocument.Student student = document.student();
        if (student.compressed()) {
            Optional.ofNullable(document.teacher()).map(ResolvedTeacher::choice)
                    .filter(ExperimentTeacher.class::isInstance).map(ExperimentTeacher.class::cast)
                    .filter(teacher -> derived(factory, teacher.experiment().studentModel()))
                    .ifPresent(teacher -> problems.add(new Problem("teacher.experiment", "the teacher experiment '"
                            + teacher.experiment().id() + "' designs its student from a trained network (family '"
                            + teacher.experiment().studentModel().name() + "'), so its architecture is only"
                            + " known when it runs and cannot be compressed; train that student and distil from it"
                            + " instead")));
            return problems;
        }
        ComponentChoice model = student.model().choice();
        boolean derived = derived(factory, model);
        Optional<ExperimentTeacher> source = ExperimentAssembly.studentSource(document);
        if (derived && student.source() == null) {
            problems.add(new Problem("student.source", "family '" + model.name() + "' derives the student from a"
                    + " trained network: add student.source: {experiment: <pruned teacher descriptor>}"));
        }
        if (!derived && student.source() != null) {
            problems.add(new Problem("student.source", "family '" + model.name() + "' builds its architecture from"
                    + " its params and reads no source network; remove 'source', or use a derived family (one that"
                    + " designs the student from a trained network, such as sparsity-matched)"));
        }
        if (!derived || source.isEmpty()) {
            return problems;
        }
        ResolvedExperiment sourceExperiment = source.get().experiment();
        if (derived(factory, sourceExperiment.studentModel())) {
            problems.add(new Problem("student.source.experiment", "the source experiment '" + sourceExperiment.id()
                    + "' is itself a derived student (family '" + sourceExperiment.studentModel().name() + "'),"
                    + " whose architecture is only known once it runs; give an experiment whose model family gives"
                    + " its architecture (a teacher, or a teacher pruned without changing its widths)"));
        }
        TeacherDatasetCheck.check(document.dataset().choice(), source.get(), binder, "student.source.experiment",
                "source").ifPresent(problems::add);
        return problems;
    }

    /**
     * Whether the model family is derived; false when it cannot be created (the tap check reports why, where it
     * builds the network).
     */
    static boolean derived(ComponentFactory factory, ComponentChoice model) {
        try {
            return factory.create(model.kind(), model.name(), model.parameters(), ModelFamily.class).derived();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private StudentSourceCheck() {
    }
}

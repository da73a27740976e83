package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.kernel.parameters.KebabCase;
import org.distill4j.kernel.parameters.ParameterBinder;

/**
 * The resolved descriptor as a tree, which {@link CanonicalJson} turns into an experiment's identity.
 *
 * <p>Every default is filled in and the profile is applied and recorded. Left out: {@code seeds} (adding a seed
 * runs more of the same experiment) and {@code profiles} (only the applied one matters). A single {@code distiller}
 * is written as a one-element {@code distillers} list, since both mean the same. Path parameters keep the text as
 * written, so moving a checkout does not change identities; a teacher experiment is represented by its id and full
 * hash, so changing the teacher changes the student; so is a derived student's {@code source}.
 */
final class CanonicalForm {

    static ObjectNode of(DescriptorDocument document, String profile, ParameterBinder binder) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode tree = nodes.objectNode();
        tree.put("experiment", document.experiment().value());
        tree.put("title", document.title());
        tree.put("profile", profile);
        tree.set("dataset", document.dataset().canonical());
        if (document.teacher() != null) {
            tree.set("teacher", document.teacher().canonical());
        }
        ObjectNode student = nodes.objectNode();
        DescriptorDocument.Student studentSection = document.student();
        if (studentSection.compressed()) {
            student.set("compressor", studentSection.compressor().canonical());
            if (studentSection.aligner() != null) {
                student.set("aligner", studentSection.aligner().canonical());
            }
        } else {
            student.set("model", studentSection.model().canonical());
            // Written only when present, so that the identity of every student without a source stays as it was.
            if (studentSection.source() != null) {
                student.set("source", studentSection.source().canonical());
            }
        }
        tree.set("student", student);
        // A compressed student evaluated without training has neither distillers nor training.
        if (document.training() != null) {
            ArrayNode distillers = nodes.arrayNode();
            LocatedDistiller.of(document).forEach(located -> distillers.add(located.distiller().canonical()));
            tree.set("distillers", distillers);
            tree.set("training", training(document.training(), binder));
        }
        // Written only when there are stages, so that the identity of every single-stage experiment stays as it was.
        if (!document.stages().isEmpty()) {
            ArrayNode stages = nodes.arrayNode();
            for (int i = 0; i < document.stages().size(); i++) {
                DescriptorDocument.Stage stage = document.stages().get(i);
                ObjectNode section = nodes.objectNode();
                section.put("name", stage.name());
                ArrayNode stageDistillers = nodes.arrayNode();
                LocatedDistiller.ofStage(document, i).forEach(located -> stageDistillers.add(located.distiller().canonical()));
                section.set("distillers", stageDistillers);
                section.put("train", KebabCase.of(stage.train()));
                section.set("training", training(stage.training(), binder));
                stages.add(section);
            }
            tree.set("stages", stages);
        }
        // Written only when present, as stages are.
        if (document.retrieval() != null) {
            tree.set("retrieval", binder.toTree(document.retrieval()));
        }
        return tree;
    }

    private static ObjectNode training(TrainingPlan training, ParameterBinder binder) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("epochs", training.epochs());
        tree.put("batch-size", training.batchSize());
        tree.set("optimizer", training.optimizer().canonical());
        tree.set("schedule", training.schedule().canonical());
        tree.set("augmentation", binder.toTree(training.augmentation()));
        tree.put("select", KebabCase.of(training.select()));
        tree.put("evaluate-test-every-epoch", training.evaluateTestEveryEpoch());
        // Written only when used, so that the identity of every experiment without sparsity training stays as it was.
        if (training.batchNormL1() > 0) {
            tree.put("batch-norm-l1", training.batchNormL1());
        }
        if (training.sampler() != null) {
            tree.set("sampler", binder.toTree(training.sampler()));
        }
        return tree;
    }

    private CanonicalForm() {
    }
}

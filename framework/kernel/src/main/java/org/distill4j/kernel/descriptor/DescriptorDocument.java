package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.kernel.engine.Selection;
import org.distill4j.kernel.retrieval.Retrieval;

import java.util.List;

/**
 * The shape of an experiment descriptor, as records the {@link org.distill4j.kernel.parameters.ParameterBinder}
 * binds: the binder gives kebab-case keys, unknown-key errors listing the valid keys, types, ranges and defaults.
 * Sections that name a component are bound by {@link ComponentReferenceBinder}, the teacher by {@link TeacherBinder}.
 * docs/descriptors.md documents every key.
 */
record DescriptorDocument(
        @Parameter(description = "the experiment id: segments of [a-z0-9][a-z0-9-]* joined by '/'")
        ExperimentId experiment,
        @Parameter(description = "a human label for tables and logs", defaultValue = "''")
        String title,
        @Parameter(description = "the seeds to run: distinct integers >= 0")
        SeedList seeds,
        @Parameter(description = "the dataset component: {name, params}")
        @Refers(ComponentKind.DATASET) ResolvedComponent dataset,
        @Parameter(description = "where the teacher comes from: {experiment, seed} or {file, sha256}",
                defaultValue = Parameter.ABSENT)
        ResolvedTeacher teacher,
        @Parameter(description = "the student: {model: {family, params}}, or the teacher compressed: {compressor,"
                + " aligner}")
        Student student,
        @Parameter(description = "the distiller: {name, params, weight}; or use 'distillers'", defaultValue = Parameter.ABSENT)
        WeightedDistiller distiller,
        @Parameter(description = "several distillers whose weighted losses are summed; or use 'distiller'",
                defaultValue = Parameter.ABSENT)
        List<WeightedDistiller> distillers,
        // Required unless the student is a compressed teacher (then training fine-tunes it, and may be left out);
        // TrainingSection reports it missing after binding, in the place the binder would.
        @Parameter(description = "how the student is trained", defaultValue = Parameter.ABSENT)
        TrainingPlan training,
        @Parameter(description = "earlier training stages, run in order before 'distiller' and 'training', each from"
                + " the weights the one before left: [{name, distiller or distillers, train, training}]",
                defaultValue = "[]")
        List<Stage> stages,
        @Parameter(description = "a class-disjoint retrieval task: {train-classes, embedding, recall-at}; the networks"
                + " train on train-classes and are evaluated by Recall@K and mAP among the test images of the other"
                + " classes", defaultValue = Parameter.ABSENT)
        Retrieval retrieval,
        // Profiles are merged before binding (see Profiles and ProfileMerge) and removed from the bound tree; the key is
        // declared here so that unknown-key problems list it among the valid keys.
        @Parameter(description = "named partial descriptors deep-merged over this one", defaultValue = Parameter.ABSENT)
        ObjectNode profiles) {

    /**
     * The {@code student} section: a model trained from its initialisation, or the teacher compressed (and then
     * aligned to it on a few samples, and fine-tuned by {@code training} when that is given). A derived model family
     * (one that designs the student from a trained network) reads {@code source}.
     */
    record Student(
            @Parameter(description = "the student's model family component: {family, params}; or use 'compressor'",
                    defaultValue = Parameter.ABSENT)
            @Refers(ComponentKind.MODEL_FAMILY) ResolvedComponent model,
            @Parameter(description = "the student is the teacher compressed by this component: {name, params};"
                    + " or use 'model'", defaultValue = Parameter.ABSENT)
            @Refers(ComponentKind.COMPRESSOR) ResolvedComponent compressor,
            @Parameter(description = "recovers the compressed student from a few training images before any"
                    + " training: {name, params}", defaultValue = Parameter.ABSENT)
            @Refers(ComponentKind.ALIGNER) ResolvedComponent aligner,
            // Bound by the teacher binders (it has the teacher's shape and identity), which SourceNetwork tells apart.
            @Parameter(description = "the trained network a derived model family reads (a pruned teacher run):"
                    + " {experiment, seed}", defaultValue = Parameter.ABSENT)
            @SourceNetwork ResolvedTeacher source) {

        Student {
            if (model != null && compressor != null) {
                throw new IllegalArgumentException("give either 'model' (a student trained from its initialisation)"
                        + " or 'compressor' (the teacher, compressed), not both");
            }
            if (model == null && compressor == null && aligner == null) {
                throw new IllegalArgumentException("missing required key 'model' (the student's model family:"
                        + " {family, params}) or 'compressor' (the teacher, compressed: {name, params})");
            }
            if (source != null && compressor != null) {
                throw new IllegalArgumentException("'source' is the trained network a derived model family designs"
                        + " the student from; a compressed student has no model family: give 'model' with 'source',"
                        + " or remove 'source'");
            }
            if (aligner != null && compressor == null) {
                throw new IllegalArgumentException("'aligner' recovers a compressed student; add 'compressor' (the"
                        + " teacher, compressed: {name, params}) or remove 'aligner'");
            }
        }

        boolean compressed() {
            return compressor != null;
        }
    }

    /**
     * One earlier training stage (FitNets' hint stage, FSP's initialisation): its own objectives, optimiser and
     * epochs; the student's weights pass from one stage to the next, its optimiser state does not.
     */
    record Stage(
            @Parameter(description = "the stage's label in logs and metrics: [a-z0-9][a-z0-9-]*")
            String name,
            @Parameter(description = "the stage's distiller: {name, params, weight}; or use 'distillers'",
                    defaultValue = Parameter.ABSENT)
            WeightedDistiller distiller,
            @Parameter(description = "several distillers whose weighted losses are summed; or use 'distiller'",
                    defaultValue = Parameter.ABSENT)
            List<WeightedDistiller> distillers,
            @Parameter(description = "which student parameters the stage trains: all, or taps (only the layers the"
                    + " stage's student taps depend on; the other layers keep their values)", defaultValue = "all")
            TrainedParameters train,
            @Parameter(description = "how the stage trains: the keys of 'training'")
            TrainingPlan training) {

        Stage {
            if (name != null && !name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("a stage name is lower-case letters, digits and hyphens, starting"
                        + " with a letter or digit (like 'hint' or 'fsp-init'), got '" + name + "'");
            }
            if (training != null && training.select() == Selection.BEST_VALIDATION) {
                throw new IllegalArgumentException("stage '" + name + "' selects 'best-validation', but a stage hands"
                        + " its last epoch's weights to the next one; 'select' applies to the main 'training' only,"
                        + " so leave it out here");
            }
        }
    }

    /** A reference to a component by name: dataset, optimizer, schedule. */
    record ComponentShape(
            @Parameter(description = "the component's name") String name,
            @Parameter(description = "the component's parameters", defaultValue = Parameter.ABSENT) ObjectNode params) {
    }

    /** A reference to a model family; {@code family} says what {@code name} says elsewhere. */
    record ModelShape(
            @Parameter(description = "the model family's name") String family,
            @Parameter(description = "the model family's parameters", defaultValue = Parameter.ABSENT) ObjectNode params) {
    }

    /** A reference to a distiller, with the weight of its loss. */
    record DistillerShape(
            @Parameter(description = "the distiller's name") String name,
            @Parameter(description = "the distiller's parameters", defaultValue = Parameter.ABSENT) ObjectNode params,
            @Parameter(description = "the weight of this distiller's loss in the sum", defaultValue = "1")
            @Range(min = 0, minExclusive = true) double weight) {
    }

    /** The {@code teacher} section before its rules (exactly one of experiment and file) are checked. */
    record TeacherShape(
            @Parameter(description = "a teacher descriptor, relative to this descriptor's directory",
                    defaultValue = Parameter.ABSENT, path = true) String experiment,
            @Parameter(description = "'same' (the student's seed) or a fixed seed for the teacher run",
                    defaultValue = Parameter.ABSENT) TeacherSeed seed,
            @Parameter(description = "a DL4J ComputationGraph zip", defaultValue = Parameter.ABSENT, path = true) String file,
            @Parameter(description = "the SHA-256 of the zip, required with 'file'", defaultValue = Parameter.ABSENT)
            String sha256) {
    }
}

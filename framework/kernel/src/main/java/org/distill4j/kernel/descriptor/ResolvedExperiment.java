package org.distill4j.kernel.descriptor;

import org.distill4j.api.ComponentKind;
import org.distill4j.kernel.retrieval.Retrieval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated experiment descriptor with every default filled in and its profile applied: what the run
 * engine trains.
 *
 * @param id            the experiment id ({@code hinton2015/kd-t20}); results go under {@code results/<id>/<hash12>/}
 * @param title         a human label, possibly empty
 * @param profile       the profile applied, or an empty string
 * @param seeds         the seeds to run, distinct and {@code >= 0}, in the order written
 * @param source        the descriptor file, absolute
 * @param dataset       the dataset component
 * @param teacher       where the teacher comes from, if the experiment has one
 * @param studentModel  the student's model family component; for a compressed student, the teacher's (the
 *                      architecture before compression, whose vertex names the compressed student keeps)
 * @param studentSource the trained network a derived student model family designs the student from
 *                      ({@code student.source}: an experiment, trained or reused first); present exactly when the
 *                      family is derived
 * @param compressor    the compressor that makes the student from the teacher, if the student is compressed
 * @param aligner       the aligner that recovers the compressed student on a few samples, if any
 * @param distillers    the training objectives, summed with their weights; at least one when there is training
 * @param training      how the student is trained; absent only for a compressed student evaluated as the
 *                      compressor and aligner leave it
 * @param stages        earlier training stages, run in order before {@code distillers} and {@code training}; often none
 * @param retrieval     the class-disjoint retrieval task, if the experiment is one: the networks train on its classes
 *                      and are evaluated by retrieval among the others
 * @param canonicalJson the identity of the experiment: the resolved descriptor without seeds as canonical JSON
 *                      (keys sorted, no whitespace, numbers from the bound values)
 * @param hash          the SHA-256 of {@code canonicalJson}'s UTF-8 bytes, 64 lower-case hexadecimal digits
 * @param overrides     the values set after the profile (a variant of the descriptor); their values are in the
 *                      canonical JSON, and the list itself is recorded in each run's provenance so that tables can
 *                      tell a stale run of this variant from a run of another variant
 */
public record ResolvedExperiment(String id, String title, String profile, List<Long> seeds, Path source,
        ComponentChoice dataset, Optional<TeacherChoice> teacher, ComponentChoice studentModel,
        Optional<ExperimentTeacher> studentSource, Optional<ComponentChoice> compressor,
        Optional<ComponentChoice> aligner, List<WeightedDistiller> distillers, Optional<TrainingPlan> training,
        List<TrainingStage> stages, Optional<Retrieval> retrieval, String canonicalJson, String hash,
        List<DescriptorOverride> overrides) {

    public ResolvedExperiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(profile, "profile");
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(studentModel, "studentModel");
        Objects.requireNonNull(studentSource, "studentSource");
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(aligner, "aligner");
        distillers = List.copyOf(distillers);
        Objects.requireNonNull(training, "training");
        stages = List.copyOf(stages);
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(hash, "hash");
        overrides = List.copyOf(overrides);
        if (seeds.isEmpty() || (training.isPresent() && distillers.isEmpty())) {
            throw new IllegalArgumentException("an experiment needs at least one seed, and one distiller to train");
        }
        if (training.isEmpty() && compressor.isEmpty()) {
            throw new IllegalArgumentException("only a compressed student may go without training");
        }
        if (studentSource.isPresent() && compressor.isPresent()) {
            throw new IllegalArgumentException("a compressed student has no source network (only a derived model"
                    + " family reads one)");
        }
        if (aligner.isPresent() && compressor.isEmpty()) {
            throw new IllegalArgumentException("an aligner needs a compressed student");
        }
        if (dataset.kind() != ComponentKind.DATASET || studentModel.kind() != ComponentKind.MODEL_FAMILY) {
            throw new IllegalArgumentException("expected a dataset and a model family, got " + dataset + " and " + studentModel);
        }
        if (hash.length() != 64) {
            throw new IllegalArgumentException("hash must be a full SHA-256 (64 hexadecimal digits), got " + hash);
        }
    }

    /** The first 12 hexadecimal digits of the hash, which name the experiment's result directory. */
    public String hash12() {
        return hash.substring(0, 12);
    }
}

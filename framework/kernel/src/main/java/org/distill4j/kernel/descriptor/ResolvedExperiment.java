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
 * @param student       where the student comes from: trained from a model family, designed from a source run by a
 *                      derived family, or the teacher compressed (and aligned)
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
        ComponentChoice dataset, Optional<TeacherChoice> teacher, StudentSource student,
        List<WeightedDistiller> distillers, Optional<TrainingPlan> training,
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
        Objects.requireNonNull(student, "student");
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
        if (training.isEmpty() && !(student instanceof StudentSource.Compressed)) {
            throw new IllegalArgumentException("only a compressed student may go without training");
        }
        if (dataset.kind() != ComponentKind.DATASET) {
            throw new IllegalArgumentException("expected a dataset, got " + dataset);
        }
        if (hash.length() != 64) {
            throw new IllegalArgumentException("hash must be a full SHA-256 (64 hexadecimal digits), got " + hash);
        }
    }

    /** The student's model family: its own, or for a compressed student the teacher's, before compression. */
    public ComponentChoice studentModel() {
        return student.model();
    }

    /** The first 12 hexadecimal digits of the hash, which name the experiment's result directory. */
    public String hash12() {
        return hash.substring(0, 12);
    }
}

package org.distill4j.kernel.engine;

import org.distill4j.api.InputGradients;
import org.distill4j.api.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Trains a student on a dataset with a compiled loss, optionally against a teacher in inference mode.
 *
 * <p>Each epoch shuffles the training split with a seeded permutation, augments each batch once (teacher and
 * student see the same images), forwards the teacher, takes one external-errors step on the student, then
 * evaluates top-1 on the validation split (and the test split when asked). Batches are consecutive slices of a
 * seeded permutation, or P x K batches when {@link TrainingSettings#sampler()} says. The kept network is the last
 * epoch's or the best on validation; the test split never selects anything.
 *
 * <p>A loss that reads the teacher's {@code input.gradient} gets it from a back-propagation of the teacher's
 * cross-entropy on the batch; the teacher must have no BatchNorm and no dropout, which {@link #train} checks first.
 *
 * <p>A loss with trainable parameters ({@link LossParameters}, e.g. a FitNets regressor) has them initialised from
 * the seed at the start of {@link #train} and updated after every batch with the student's optimizer, schedule and
 * weight decay, from a fresh optimizer state; they stay with the loss and are not part of the trained network.
 */
public final class Trainer {

    private final ProgressListener progress;

    public Trainer(ProgressListener progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * @param student the network to train; its outputs must include every student tap of the loss
     * @param teacher the teacher, required when the loss reads teacher taps
     * @param hook    edits gradients and parameters around each update (masks); {@link TrainableGraph.UpdateHook#NONE}
     * @param seed    seeds shuffling, augmentation, dropout and the loss's parameters
     */
    public TrainingOutcome train(TrainableGraph student, Optional<TrainableGraph> teacher, CompiledLoss loss,
            Dataset data, TrainingSettings settings, TrainableGraph.UpdateHook hook, long seed) {
        return train(student, teacher, loss, data, settings, hook, seed, TrainerCheckpoint.NONE);
    }

    /**
     * As {@link #train(TrainableGraph, Optional, CompiledLoss, Dataset, TrainingSettings, TrainableGraph.UpdateHook,
     * long)}, keeping the state at the end of each epoch in {@code checkpoint} and going on from a kept state: the
     * outcome is the same as that of a training that never stopped.
     */
    public TrainingOutcome train(TrainableGraph student, Optional<TrainableGraph> teacher, CompiledLoss loss,
            Dataset data, TrainingSettings settings, TrainableGraph.UpdateHook hook, long seed,
            TrainerCheckpoint checkpoint) {
        if (loss.needsTeacher() && teacher.isEmpty()) {
            throw new IllegalArgumentException("the loss reads teacher taps " + loss.teacherTaps() + " but no teacher was given");
        }
        boolean teacherInputGradient = !loss.teacherInputGradientTaps().isEmpty();
        if (teacherInputGradient) {
            String problem = InputGradientTerm.teacherProblem(teacher.orElseThrow().modeDependentLayers());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        Nd4j.getRandom().setSeed(seed);
        BatchOrder batchOrder = BatchOrder.of(data.train().labels(), data.classes(), settings.batchSize(),
                settings.sampler());
        int batchesPerEpoch = batchOrder.batchesPerEpoch();
        Updaters.configure(student, settings.optimizer(), settings.schedule(), settings.epochs(), batchesPerEpoch);
        // A later training stage starts its optimiser afresh: Adam's bias correction and a schedule stepped per
        // iteration count steps from here.
        student.getConfiguration().setIterationCount(0);
        // PyTorch's weight decay: every trainable parameter by default, batch norm included (DL4J's L2 skips it).
        TrainableGraph.UpdateHook stepHook = WeightDecay.of(student, settings.optimizer(), hook);
        Batches batches = new Batches(data.train());
        Optional<TrainerState> resumed = checkpoint.load();
        Random augmentationRandom = resumed.map(state -> TrainerState.random(state.augmentation()))
                .orElseGet(() -> new Random(seed ^ 0x5DEECE66DL));
        Augmenter augmenter = new Augmenter(settings.augmentation(), data.train().features(), augmentationRandom);
        Random shuffle = resumed.map(state -> TrainerState.random(state.shuffle())).orElseGet(() -> new Random(seed));
        List<String> teacherTaps = List.copyOf(loss.teacherTaps());
        // Each stage starts its loss parameters afresh, as the student's optimiser state.
        loss.parameters().initialise(seed);
        LossParameterUpdater parameterUpdater = new LossParameterUpdater(loss.parameters(), settings, batchesPerEpoch);
        StudentStep step = new StudentStep(student, loss, parameterUpdater);

        List<EpochRecord> records = new ArrayList<>();
        long start = System.nanoTime();
        TrainerResume.Best best = TrainerResume.Best.NONE;
        double secondsBefore = 0;
        if (resumed.isPresent()) {
            TrainerResume.restore(resumed.get(), student, loss, parameterUpdater);
            records.addAll(resumed.get().records());
            best = new TrainerResume.Best(resumed.get().bestValidation(), resumed.get().bestEpoch(),
                    resumed.get().bestParameters());
            secondsBefore = resumed.get().seconds();
        }
        for (int epoch = records.size(); epoch < settings.epochs(); epoch++) {
            student.setEpoch(epoch);
            loss.setEpoch(epoch + 1);
            long epochStart = System.nanoTime();
            List<int[]> epochBatches = batchOrder.epoch(shuffle);
            EpochTotals totals = new EpochTotals();
            for (int batch = 0; batch < batchesPerEpoch; batch++) {
                int[] indices = epochBatches.get(batch);
                INDArray raw = batches.features(indices);
                INDArray features = augmenter.apply(raw);
                int[] labels = batches.labels(indices);
                Map<String, INDArray> teacherActivations = teacher.isPresent() && !teacherTaps.isEmpty()
                        ? teacher.get().infer(features, teacherTaps)
                        : Map.of();
                if (teacherInputGradient) {
                    // Without BatchNorm and dropout (checked above) the training-mode gradient is the inference one.
                    teacherActivations = new LinkedHashMap<>(teacherActivations);
                    teacherActivations.put(InputGradients.INPUT_GRADIENT, teacher.get().inputGradient(features, labels));
                }
                StudentStep.Result result = step.run(features, teacherActivations, labels, stepHook);
                List<INDArray> used = new ArrayList<>(teacherActivations.values());
                used.add(raw);
                used.add(features);
                TrainableGraph.release(used);
                if (!Double.isFinite(result.loss().loss())) {
                    throw new TrainingDivergedException(epoch + 1, settings.epochs(), batch + 1, batchesPerEpoch,
                            result.loss().loss(), result.loss().terms(),
                            Updaters.learningRate(student, student.getIterationCount(), epoch));
                }
                totals.add(result.loss(), result.correct(), labels.length);
                double elapsed = seconds(epochStart);
                double rate = totals.images / elapsed;
                double left = ((long) (settings.epochs() - epoch) * batchesPerEpoch - batch - 1) * (elapsed / (batch + 1));
                progress.batch(epoch + 1, settings.epochs(), batch + 1, batchesPerEpoch, totals.meanLoss(), rate, left);
            }
            double trainSeconds = seconds(epochStart);
            double validation = Accuracy.of(student, data.validation());
            boolean lastEpoch = epoch == settings.epochs() - 1;
            // A retrieval task has no test classification: its test images are classes the classifier does not have.
            Double test = (settings.evaluateTestEveryEpoch() || lastEpoch) && data.test().size() > 0
                    ? Accuracy.of(student, data.test()) : null;
            // The rate of the epoch's first batch (a schedule stepped per iteration changes it within the epoch).
            EpochRecord record = new EpochRecord(epoch + 1,
                    Updaters.learningRate(student, epoch * batchesPerEpoch, epoch), totals.meanLoss(),
                    totals.meanTerms(), totals.accuracy(), Double.isNaN(validation) ? null : validation, test,
                    seconds(epochStart), totals.images / trainSeconds);
            records.add(record);
            if (settings.selection() == Selection.BEST_VALIDATION && validation > best.validation()) {
                best = new TrainerResume.Best(validation, epoch + 1, student.params().dup());
            }
            // Kept before the epoch is reported: a run killed after the report goes on from this epoch's end.
            checkpoint.save(TrainerResume.capture(epoch + 1, records, student, loss, parameterUpdater, shuffle,
                    augmentationRandom, best, secondsBefore + seconds(start)));
            progress.epoch(record, settings.epochs());
        }
        EpochRecord last = records.get(records.size() - 1);
        double seconds = secondsBefore + seconds(start);
        if (settings.selection() == Selection.LAST || best.parameters() == null) {
            return new TrainingOutcome(last.epoch(), nanToNull(last.validationAccuracy()), last.testAccuracy(), records,
                    seconds);
        }
        student.setParams(best.parameters());
        EpochRecord bestRecord = records.get(best.epoch() - 1);
        Double test = bestRecord.testAccuracy() != null || data.test().size() == 0 ? bestRecord.testAccuracy()
                : Accuracy.of(student, data.test());
        return new TrainingOutcome(best.epoch(), best.validation(), test, records, seconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double nanToNull(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** Running sums of one epoch. */
    private static final class EpochTotals {
        private double lossSum;
        private final Map<String, Double> termSums = new LinkedHashMap<>();
        private long correct;
        private long images;

        void add(LossValue value, long batchCorrect, int batchImages) {
            lossSum += value.loss() * batchImages;
            value.terms().forEach((name, term) -> termSums.merge(name, term * batchImages, Double::sum));
            correct += batchCorrect;
            images += batchImages;
        }

        double meanLoss() {
            return images == 0 ? Double.NaN : lossSum / images;
        }

        Map<String, Double> meanTerms() {
            Map<String, Double> means = new LinkedHashMap<>();
            termSums.forEach((name, sum) -> means.put(name, sum / images));
            return means;
        }

        double accuracy() {
            return images == 0 ? Double.NaN : (double) correct / images;
        }
    }
}

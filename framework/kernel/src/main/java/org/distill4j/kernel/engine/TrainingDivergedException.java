package org.distill4j.kernel.engine;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The loss of a training step was NaN or infinite. Training stops there: every later step would be NaN too, and a
 * run that went on would record a meaningless result after hours of work.
 */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final int batch;

    TrainingDivergedException(int epoch, int epochs, int batch, int batches, double loss, Map<String, Double> terms,
            double learningRate) {
        super("training diverged: the loss is " + loss + " at epoch " + epoch + "/" + epochs + ", batch " + batch + "/"
                + batches + terms(terms) + ", learning rate " + learningRate
                + "; lower training.optimizer.params.learning-rate, or the weight of the term that blows up");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch of the step whose loss was not finite, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The batch of that step within its epoch, from 1. */
    public int batch() {
        return batch;
    }

    private static String terms(Map<String, Double> terms) {
        return terms.isEmpty() ? "" : " (" + terms.entrySet().stream()
                .map(term -> term.getKey() + " " + term.getValue()).collect(Collectors.joining(", ")) + ")";
    }
}

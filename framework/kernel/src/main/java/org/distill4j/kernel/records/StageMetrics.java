package org.distill4j.kernel.records;

/** One earlier training stage in {@code metrics.json} (a hint or FSP stage). */
public record StageMetrics(String name, int epochs, double finalTrainLoss, History history) {
}

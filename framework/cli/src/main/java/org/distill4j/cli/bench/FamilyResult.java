package org.distill4j.cli.bench;

/**
 * Training and inference throughput of one model family on one input shape.
 *
 * @param parameters trainable parameters of the architecture (the twin counts its own; equal counts are a check that
 *                   both built the same network)
 */
record FamilyResult(String name, String input, int batch, long parameters, Timing training, Timing inference) {

    double trainingImagesPerSecond() {
        return training.imagesPerSecond(batch);
    }

    double inferenceImagesPerSecond() {
        return inference.imagesPerSecond(batch);
    }
}

package org.distill4j.testkit;

/**
 * The reference the metric-learning losses are checked against, in plain loops: each embedding scaled to unit length
 * ({@code x / sqrt(max(|x|^2, 1e-12))}), then the Euclidean distance of every pair, clamped before the square root as
 * the losses clamp it.
 */
public final class EmbeddingDistances {

    private static final double SQUARED_FLOOR = 1e-12;

    private EmbeddingDistances() {
    }

    /** {@code [B][B]} distances between the normalised rows of {@code embeddings}. */
    public static double[][] of(double[][] embeddings) {
        double[][] normalised = new double[embeddings.length][];
        for (int b = 0; b < embeddings.length; b++) {
            double squared = 0;
            for (double value : embeddings[b]) {
                squared += value * value;
            }
            double norm = Math.sqrt(Math.max(squared, SQUARED_FLOOR));
            normalised[b] = new double[embeddings[b].length];
            for (int i = 0; i < embeddings[b].length; i++) {
                normalised[b][i] = embeddings[b][i] / norm;
            }
        }
        double[][] distances = new double[embeddings.length][embeddings.length];
        for (int a = 0; a < embeddings.length; a++) {
            for (int b = 0; b < embeddings.length; b++) {
                double squared = 0;
                for (int i = 0; i < normalised[a].length; i++) {
                    double difference = normalised[a][i] - normalised[b][i];
                    squared += difference * difference;
                }
                distances[a][b] = Math.sqrt(Math.max(squared, SQUARED_FLOOR));
            }
        }
        return distances;
    }
}

package org.distill4j.plugin.dist;

/**
 * An independent, slow implementation of the official DIST loss ({@code dist_kd.py}: {@code cosine_similarity},
 * {@code pearson_correlation}, {@code inter_class_relation}, {@code intra_class_relation}, {@code DIST.forward}) and
 * of {@code KDLoss.__call__} ({@code ori_loss_weight * CE + DIST}) in plain double loops.
 */
final class DistReference {

    static double loss(DistParams params, double[][] student, double[][] teacher, int[] labels) {
        return params.ceWeight() * crossEntropy(student, labels)
                + params.beta() * inter(student, teacher, params.temperature(), params.epsilon())
                + params.gamma() * intra(student, teacher, params.temperature(), params.epsilon());
    }

    /** {@code tau^2 (1 - mean over samples of the correlation of their probability vectors)}. */
    static double inter(double[][] student, double[][] teacher, double temperature, double epsilon) {
        return relation(probabilities(student, temperature), probabilities(teacher, temperature), temperature,
                epsilon);
    }

    /** {@code tau^2 (1 - mean over classes of the correlation of their probabilities across the batch)}. */
    static double intra(double[][] student, double[][] teacher, double temperature, double epsilon) {
        return relation(transpose(probabilities(student, temperature)),
                transpose(probabilities(teacher, temperature)), temperature, epsilon);
    }

    /** Mean over samples of {@code -log softmax(z)[y]}. */
    static double crossEntropy(double[][] logits, int[] labels) {
        double total = 0;
        for (int b = 0; b < logits.length; b++) {
            total -= Math.log(probabilities(new double[][] {logits[b]}, 1)[0][labels[b]]);
        }
        return total / logits.length;
    }

    /** Row-wise {@code softmax(z / tau)}. */
    static double[][] probabilities(double[][] logits, double temperature) {
        double[][] result = new double[logits.length][];
        for (int b = 0; b < logits.length; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double logit : logits[b]) {
                max = Math.max(max, logit / temperature);
            }
            double sum = 0;
            result[b] = new double[logits[b].length];
            for (int i = 0; i < logits[b].length; i++) {
                result[b][i] = Math.exp(logits[b][i] / temperature - max);
                sum += result[b][i];
            }
            for (int i = 0; i < logits[b].length; i++) {
                result[b][i] /= sum;
            }
        }
        return result;
    }

    /** {@code tau^2 (1 - mean over rows of pearson(a[r], b[r]))}: {@code inter_class_relation} times tau^2. */
    private static double relation(double[][] a, double[][] b, double temperature, double epsilon) {
        double total = 0;
        for (int r = 0; r < a.length; r++) {
            total += pearson(a[r], b[r], epsilon);
        }
        return temperature * temperature * (1 - total / a.length);
    }

    /** {@code cosine_similarity(a - mean a, b - mean b, eps)}: the norms' product plus eps in the denominator. */
    static double pearson(double[] a, double[] b, double epsilon) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i] / a.length;
            meanB += b[i] / b.length;
        }
        double inner = 0;
        double squaredA = 0;
        double squaredB = 0;
        for (int i = 0; i < a.length; i++) {
            inner += (a[i] - meanA) * (b[i] - meanB);
            squaredA += (a[i] - meanA) * (a[i] - meanA);
            squaredB += (b[i] - meanB) * (b[i] - meanB);
        }
        return inner / (Math.sqrt(squaredA) * Math.sqrt(squaredB) + epsilon);
    }

    private static double[][] transpose(double[][] matrix) {
        double[][] result = new double[matrix[0].length][matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < matrix[0].length; c++) {
                result[c][r] = matrix[r][c];
            }
        }
        return result;
    }

    private DistReference() {
    }
}

package org.distill4j.plugin.attentiontransfer;

/** Loop references of the input-gradient distillers, independent of SameDiff. */
final class GradientReference {

    /** {@code (beta/2) mean_b dist(a_b, b_b)}, with the distance over every element of a sample. */
    static double meanDistance(double[][][][] first, double[][][][] second, double beta, GradientDistance distance) {
        double total = 0;
        for (int b = 0; b < first.length; b++) {
            double squares = 0;
            for (int c = 0; c < first[b].length; c++) {
                for (int h = 0; h < first[b][c].length; h++) {
                    for (int w = 0; w < first[b][c][h].length; w++) {
                        double difference = first[b][c][h][w] - second[b][c][h][w];
                        squares += difference * difference;
                    }
                }
            }
            total += distance == GradientDistance.SQUARED ? squares : Math.sqrt(squares);
        }
        return beta / 2 * total / first.length;
    }

    /** The left-right mirror: the last (width) axis reversed. */
    static double[][][][] flip(double[][][][] maps) {
        double[][][][] flipped = new double[maps.length][][][];
        for (int b = 0; b < maps.length; b++) {
            flipped[b] = new double[maps[b].length][][];
            for (int c = 0; c < maps[b].length; c++) {
                flipped[b][c] = new double[maps[b][c].length][];
                for (int h = 0; h < maps[b][c].length; h++) {
                    int width = maps[b][c][h].length;
                    flipped[b][c][h] = new double[width];
                    for (int w = 0; w < width; w++) {
                        flipped[b][c][h][w] = maps[b][c][h][width - 1 - w];
                    }
                }
            }
        }
        return flipped;
    }

    private GradientReference() {
    }
}
